<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>App</name>
    <message>
        <location filename="../ui/platform/app.py" line="323"/>
        <source>Рабочий режим не запущен: {0}
Программа открыта в учебном режиме. Исправьте адрес сервера или файл сертификата в настройках.</source>
        <translation>Live mode did not start: {0}
The program has opened in training mode. Correct the server address or the certificate file in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="282"/>
        <source>Журнал смены {0} занят другой программой — вероятно, эта программа уже запущена.
Закройте другую копию программы и запустите её снова.</source>
        <translation>The shift journal {0} is in use by another program — the program is probably already running.
Close the other copy of the program and start it again.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="288"/>
        <source>Не удалось открыть журнал смены {0}.
Обратитесь к администратору: нет прав на запись в папку {1}.</source>
        <translation>The shift journal {0} could not be opened.
Contact your administrator: there is no permission to write to the folder {1}.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="294"/>
        <source>Журнал смены {0} создан более новой версией программы.
Запустите новую версию программы или обратитесь к администратору.</source>
        <translation>The shift journal {0} was created by a newer version of the program.
Start the newer version of the program or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="299"/>
        <source>Не удалось открыть журнал смены {0}: {1}
Обратитесь к администратору.</source>
        <translation>The shift journal {0} could not be opened: {1}
Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="308"/>
        <source>Учебный режим не запущен: {0}
Обратитесь к администратору.</source>
        <translation>Training mode did not start: {0}
Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="337"/>
        <source>Программа не может начать работу</source>
        <translation>The program cannot start</translation>
    </message>
</context>
<context>
    <name>BookingController</name>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="158"/>
        <source>Запо&amp;мнить токен (хранилище паролей недоступно)</source>
        <translation>Re&amp;member token (credential store unavailable)</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="177"/>
        <source>действует до {0}</source>
        <translation>valid until {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="195"/>
        <source>— выберите из использованных ранее —</source>
        <translation>— choose a recently used one —</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="237"/>
        <source>Проверьте данные</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="263"/>
        <source>Выберите поликлинику из списка.</source>
        <translation>Choose a clinic from the list.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="266"/>
        <source>Выберите врача или кабинет из списка.</source>
        <translation>Choose a doctor or room from the list.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="274"/>
        <source>Дата приёма уже прошла. Выберите сегодняшний или будущий день.</source>
        <translation>The appointment date has passed. Choose today or a future day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="281"/>
        <location filename="../ui/desk/booking_controller.py" line="286"/>
        <source>Выберите учебного пациента.</source>
        <translation>Choose a training patient.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="293"/>
        <source>Вставьте токен пациента в поле «Токен».</source>
        <translation>Paste the patient token into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="367"/>
        <source>Возможна повторная запись</source>
        <translation>Possible duplicate booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="369"/>
        <source>Для этого пациента к этому врачу на этот день уже была попытка записи с неизвестным результатом. Запись могла быть создана.</source>
        <translation>There was already a booking attempt with an unknown outcome for this patient, doctor and day. The booking may have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="372"/>
        <source>Сначала проверьте, есть ли у пациента запись. Записать ещё раз?</source>
        <translation>First check whether the patient already has an appointment. Book again?</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="374"/>
        <source>Записать ещё раз</source>
        <translation>Book again</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="375"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="384"/>
        <source>Отправка записи…</source>
        <translation>Sending the booking…</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="428"/>
        <source>Записано: талон № {0}</source>
        <translation>Booked: slip No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="430"/>
        <source> — талон не записан в журнал смены</source>
        <translation> — slip not saved to the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="433"/>
        <source>Запись, вероятно, создана, но талон не прочитан — проверьте запись.</source>
        <translation>The booking was probably created, but the slip could not be read — check the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="435"/>
        <source>Результат записи неизвестен — проверьте, создана ли запись.</source>
        <translation>Booking outcome unknown — check whether the booking exists.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="437"/>
        <source>Запись не создана: сервер отказал.</source>
        <translation>Not booked: the server refused.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="439"/>
        <source>Запись отменена оператором.</source>
        <translation>Booking cancelled by the operator.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="440"/>
        <source>Запрос на запись не отправлен.</source>
        <translation>The booking request was not sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="480"/>
        <source>Новая запись.</source>
        <translation>New booking.</translation>
    </message>
</context>
<context>
    <name>BookingForm</name>
    <message>
        <location filename="../ui/desk/booking_form.py" line="52"/>
        <source>1. Поликлиника (ЛПУ)</source>
        <translation>1. Clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="54"/>
        <source>&amp;Поиск поликлиники:</source>
        <translation>&amp;Clinic search:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="56"/>
        <source>название, адрес или код МО</source>
        <translation>name, address or facility code</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="58"/>
        <source>Поиск поликлиники</source>
        <translation>Clinic search</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="66"/>
        <source>2. Врач или кабинет</source>
        <translation>2. Doctor or room</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="68"/>
        <source>&amp;Врач:</source>
        <translation>D&amp;octor:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="70"/>
        <source>фамилия, специальность или кабинет</source>
        <translation>surname, specialty or room</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="72"/>
        <source>Поиск врача</source>
        <translation>Doctor search</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="78"/>
        <source>Ввод GUID вручную</source>
        <translation>Manual GUID entry</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="82"/>
        <source>Ранее использованные врачи</source>
        <translation>Recently used doctors</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="88"/>
        <source>GUID поликлиники</source>
        <translation>Clinic GUID</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="92"/>
        <source>GUID врача</source>
        <translation>Doctor GUID</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="96"/>
        <source>Название для памяти</source>
        <translation>Name to remember it by</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="97"/>
        <source>например: ГП № 3, терапевт Смирнова</source>
        <translation>e.g. Polyclinic No. 3, GP Smirnova</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="98"/>
        <source>GUID &amp;ЛПУ:</source>
        <translation>Clinic &amp;GUID:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="83"/>
        <source>Сохран&amp;ённые:</source>
        <translation>Sa&amp;ved:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="99"/>
        <source>GUID р&amp;есурса:</source>
        <translation>&amp;Resource GUID:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="100"/>
        <source>Под каким &amp;именем запомнить:</source>
        <translation>Save &amp;under name:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="104"/>
        <source>3. Дата и пациент</source>
        <translation>3. Date and patient</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="109"/>
        <source>Дата приёма</source>
        <translation>Appointment date</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="115"/>
        <source>+ / − — следующий / предыдущий день</source>
        <translation>+ / − — next / previous day</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="118"/>
        <source>&amp;Дата:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="123"/>
        <source>Указать в&amp;ремя</source>
        <translation>&amp;Set time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="125"/>
        <source>Указать время приёма</source>
        <translation>Set the appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="126"/>
        <source>Без времени поликлиника назначит ближайшее свободное</source>
        <translation>Without a time, the clinic assigns the nearest free slot</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="129"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="136"/>
        <source>Время:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="140"/>
        <source>Учебный пациент</source>
        <translation>Training patient</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="143"/>
        <source>Токен пациента</source>
        <translation>Patient token</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="145"/>
        <source>вставьте токен (Ctrl+V)</source>
        <translation>paste the token (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="148"/>
        <source>Запо&amp;мнить токен</source>
        <translation>R&amp;emember token</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="150"/>
        <source>Запомнить токен в хранилище Windows</source>
        <translation>Remember the token in the Windows credential store</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="152"/>
        <source>Па&amp;циент:</source>
        <translation>P&amp;atient:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="164"/>
        <source>&amp;Токен:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="173"/>
        <source>&amp;Записать  (Ctrl+Enter)</source>
        <translation>&amp;Book  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="175"/>
        <source>Записать пациента</source>
        <translation>Book the patient</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../ui/platform/crash.py" line="81"/>
        <source>Непредвиденная ошибка</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../ui/platform/crash.py" line="89"/>
        <source>Открыть папку с журналом</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../ui/platform/crash.py" line="94"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DirectoryController</name>
    <message>
        <location filename="../ui/desk/directory.py" line="67"/>
        <source>Загрузка списка поликлиник…</source>
        <translation>Loading the clinic list…</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="73"/>
        <source>Сервер не отдаёт справочник: введите GUID вручную.</source>
        <translation>The server does not provide the clinic list: enter the GUIDs manually.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="76"/>
        <source>Справочник не загружен.</source>
        <translation>Clinic list not loaded.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="95"/>
        <source>Поликлиник в справочнике: {0}</source>
        <translation>Clinics in the list: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="128"/>
        <source>Сервер не отдаёт список врачей: введите GUID вручную.</source>
        <translation>The server does not provide the doctor list: enter the GUIDs manually.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="157"/>
        <source>каб. {0}</source>
        <translation>room {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="159"/>
        <source>{0} эт.</source>
        <translation>floor {0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../ui/desk/messages.py" line="24"/>
        <source>Выберите другое время или другой день приёма.</source>
        <translation>Choose another time or another day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="25"/>
        <source>У пациента уже есть запись на эту специальность. Найдите существующую запись и при необходимости отмените её, прежде чем записывать снова.</source>
        <translation>The patient already has an appointment for this specialty. Find the existing appointment and cancel it if needed before booking again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="30"/>
        <source>Детская поликлиника не принимает пациентов старше 18 лет. Выберите другую поликлинику.</source>
        <translation>A children&apos;s clinic does not see patients over 18. Choose another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="35"/>
        <source>Врач не принимает пациентов этого возраста. Выберите другого врача или другую поликлинику.</source>
        <translation>The doctor does not see patients of this age. Choose another doctor or another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="40"/>
        <source>Запись запрещена правилами регистратуры для этого пациента. Действуйте по правилам вашей регистратуры (например, запись через заведующего или по направлению).</source>
        <translation>Reception rules do not allow booking this patient. Follow your reception&apos;s procedure (for example, booking through the head of department or by referral).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="46"/>
        <source>Не выбран врач или дата. Проверьте выбор врача и даты и повторите запись.</source>
        <translation>No doctor or date selected. Check the doctor and date, then book again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="51"/>
        <source>Исправьте данные записи и повторите попытку.</source>
        <translation>Correct the booking details and try again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="58"/>
        <source>Ответ сервера: «{0}»</source>
        <translation>Server response: “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="61"/>
        <location filename="../ui/desk/messages.py" line="162"/>
        <source>Код: {0}</source>
        <translation>Code: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="95"/>
        <source>Талон не записан в журнал смены</source>
        <translation>Slip not saved to the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="96"/>
        <source>Пациент записан, талон на экране. Но записать талон в журнал смены не удалось (диск заполнен или файл журнала занят).</source>
        <translation>The patient is booked and the slip is on screen. But the slip could not be saved to the shift journal (the disk is full or the journal file is in use).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="102"/>
        <source>Напечатайте талон сейчас. Программа повторит запись в журнал перед следующей записью; освободите место на диске или сообщите в ИТ-отдел.</source>
        <translation>Print the slip now. The program will retry saving it before the next booking; free some disk space or tell the IT department.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="113"/>
        <source>Запись, вероятно, создана</source>
        <translation>The booking was probably created</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="114"/>
        <source>Сервер подтвердил запрос на запись, но его ответ не удалось прочитать, поэтому талон показать нельзя. Запись, скорее всего, СОЗДАНА.</source>
        <translation>The server confirmed the booking request, but its answer could not be read, so no slip can be shown. The booking was most likely CREATED.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="123"/>
        <source>Запрос на запись был отправлен, но вместо ответа регистратуры пришла ошибка шлюза или сервера. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but a gateway or server error came back instead of the registry&apos;s answer. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="128"/>
        <source>Запрос на запись был отправлен, но программа не смогла обработать ответ. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but the program could not process the answer. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="160"/>
        <source>Сервер отказал в записи.</source>
        <translation>The server refused the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="159"/>
        <source>Запись не создана</source>
        <translation>Booking not created</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="174"/>
        <location filename="../ui/desk/messages.py" line="344"/>
        <source>Токен отклонён</source>
        <translation>Token rejected</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="175"/>
        <source>Сервер не принял токен пациента: он неверный или срок его действия истёк. Запись не создана.</source>
        <translation>The server did not accept the patient token: it is invalid or has expired. The booking was not created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="170"/>
        <location filename="../ui/desk/messages.py" line="347"/>
        <source>Получите новый токен и вставьте его в поле «Токен».</source>
        <translation>Get a new token and paste it into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="306"/>
        <source>Непонятный ответ сервера</source>
        <translation>Unexpected server response</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="136"/>
        <source>Результат записи неизвестен</source>
        <translation>Booking outcome unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="139"/>
        <source>Запрос на запись был отправлен, но ответ сервера не получен или не прочитан. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but the server&apos;s response was not received or could not be read. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="76"/>
        <source>Прежде чем записывать пациента снова, проверьте, есть ли у него запись (в МИС или по телефону регистратуры поликлиники). Повторно запрос автоматически не отправлялся.</source>
        <translation>Before booking the patient again, check whether they already have an appointment (in the MIS or by phoning the clinic&apos;s reception). The request was not resent automatically.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="307"/>
        <source>Сервер ответил что-то неожиданное, и программа не смогла это прочитать.</source>
        <translation>The server sent an unexpected reply that the program could not read.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="310"/>
        <source>Повторите позже. Подробности записаны в журнал программы{0}.</source>
        <translation>Try again later. Details were written to the program log{0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="317"/>
        <source>Поликлиника недоступна</source>
        <translation>Clinic unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="323"/>
        <source>Повторите через несколько минут или выберите другую поликлинику.</source>
        <translation>Try again in a few minutes or choose another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="281"/>
        <source>Сертификат сервера не доверенный</source>
        <translation>Server certificate not trusted</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="282"/>
        <source>Защищённое соединение не установлено: сертификат сервера не подтверждён этим компьютером. Ничего не отправлено.</source>
        <translation>No secure connection: this computer could not verify the server&apos;s certificate. Nothing was sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="287"/>
        <source>Обратитесь в ИТ-отдел: нужно установить корневой сертификат (например, Минцифры) или указать файл сертификата в настройках.</source>
        <translation>Contact your IT department: a root certificate (for example, the Russian Ministry of Digital Development&apos;s) must be installed, or a certificate file set in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="296"/>
        <source>Нет связи с сервером</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="297"/>
        <source>Не удалось связаться с сервером регистратуры. Запись не создана.</source>
        <translation>Could not connect to the booking server. The booking was not created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="298"/>
        <source>Проверьте подключение к сети и адрес сервера в настройках, затем повторите.</source>
        <translation>Check the network connection and the server address in Settings, then try again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="332"/>
        <source>Не найдено</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="168"/>
        <source>Выберите пациента ещё раз и повторите запись.</source>
        <translation>Choose the patient again and repeat the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="335"/>
        <source>Проверьте выбор поликлиники и врача (или GUID) и адрес сервера.</source>
        <translation>Check the selected clinic and doctor (or the GUIDs) and the server address.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="199"/>
        <source>Проверьте токен</source>
        <translation>Check the token</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="188"/>
        <source>Запись не создана.</source>
        <translation>No booking was made.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="200"/>
        <source>В поле «Токен» есть символы, которых в токене не бывает (русские буквы или служебные символы). Запрос не отправлялся.</source>
        <translation>The “Token” field contains characters a token never has (Cyrillic letters or control characters). Nothing was sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="205"/>
        <source>Скопируйте токен заново целиком и вставьте его в поле «Токен».</source>
        <translation>Copy the whole token again and paste it into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="212"/>
        <source>Журнал смены недоступен</source>
        <translation>Shift journal unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="213"/>
        <source>Попытку записи не удалось сохранить в журнале смены, поэтому запрос не отправлялся. Запись не создана.</source>
        <translation>The booking attempt could not be saved to the shift journal, so nothing was sent. No booking was made.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="219"/>
        <source>Освободите место на диске или закройте другую копию программы, затем повторите. Если не помогает, обратитесь в ИТ-отдел.</source>
        <translation>Free some disk space or close the other copy of the program, then try again. If that does not help, contact the IT department.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="234"/>
        <source>GUID поликлиники указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</source>
        <translation>Invalid clinic GUID: the format must be xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="238"/>
        <source>GUID врача указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</source>
        <translation>Invalid doctor GUID: the format must be xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="242"/>
        <source>Дата приёма уже прошла. Выберите сегодняшний или будущий день.</source>
        <translation>The appointment date has passed. Choose today or a future day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="246"/>
        <source>Не выбран учебный пациент. Выберите пациента.</source>
        <translation>No training patient chosen. Choose a patient.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="248"/>
        <source>Не указан токен пациента. Вставьте токен в поле «Токен».</source>
        <translation>No patient token. Paste the token into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="253"/>
        <source>Проверьте данные</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="254"/>
        <source>Данные записи заполнены неверно.</source>
        <translation>The booking details are incorrect.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="255"/>
        <source>Запрос не отправлялся.</source>
        <translation>The request was not sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="318"/>
        <source>Сервер регистратуры или система поликлиники сейчас недоступны.</source>
        <translation>The registry server or the clinic&apos;s system is unavailable right now.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="333"/>
        <source>Сервер не нашёл поликлинику, врача или адрес запроса.</source>
        <translation>The server did not find the clinic, the doctor or the request address.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="345"/>
        <source>Сервер не принял токен: он неверный или срок его действия истёк.</source>
        <translation>The server did not accept the token: it is wrong or has expired.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="353"/>
        <source>Сервер отказал в выполнении запроса.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="352"/>
        <source>Сервер отказал</source>
        <translation>Server refused</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="267"/>
        <source>Непредвиденная ошибка</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="268"/>
        <source>В программе произошла непредвиденная ошибка. Данные формы сохранены.</source>
        <translation>An unexpected error occurred in the program. The form data has been kept.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="70"/>
        <source>Подробности записаны в журнал программы{0}.</source>
        <translation>Details were written to the program log{0}.</translation>
    </message>
</context>
<context>
    <name>JournalController</name>
    <message>
        <location filename="../ui/journal/controller.py" line="91"/>
        <source>Напишите коротко, что выяснили: например, «запись есть, талон № 12» или «записи нет».</source>
        <translation>Briefly note what you found, e.g. “booked, slip No. 12” or “no booking”.</translation>
    </message>
    <message>
        <location filename="../ui/journal/controller.py" line="101"/>
        <source>Эту запись уже отметили или она изменилась. Список обновлён.</source>
        <translation>This entry has already been marked or has changed. The list has been refreshed.</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <location filename="../ui/journal/model.py" line="163"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="164"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="165"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="166"/>
        <source>Врач</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="167"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="168"/>
        <source>№ талона</source>
        <translation>Slip No.</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="169"/>
        <source>Печать</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="179"/>
        <source>{0} (учебная)</source>
        <translation>{0} (training)</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../ui/journal/model.py" line="42"/>
        <source>записан</source>
        <translation>booked</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="44"/>
        <source>отказ</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="46"/>
        <source>результат неизвестен</source>
        <translation>outcome unknown</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="48"/>
        <source>проверено</source>
        <translation>checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="50"/>
        <source>отправляется</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="65"/>
        <location filename="../ui/journal/model.py" line="73"/>
        <source>кабинет</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="67"/>
        <source>оборудование</source>
        <translation>equipment</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="68"/>
        <source>врач</source>
        <translation>doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="70"/>
        <source>дата</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="71"/>
        <source>время</source>
        <translation>time</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="72"/>
        <source>специальность</source>
        <translation>speciality</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="74"/>
        <source>этаж</source>
        <translation>floor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="75"/>
        <source>поликлиника</source>
        <translation>clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="76"/>
        <source>адрес</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="77"/>
        <source>телефон</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="102"/>
        <source>* Дополнено по данным записи: {0}. Сервер этих данных не прислал; на талоне они отмечены «*».</source>
        <translation>* Filled in from the booking request: {0}. The server did not send these details; they are marked “*” on the slip.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="80"/>
        <location filename="../ui/journal/view.py" line="81"/>
        <location filename="../ui/platform/app.py" line="271"/>
        <source>Журнал смены</source>
        <translation>Shift journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="90"/>
        <source>Поиск в журнале</source>
        <translation>Search the journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="91"/>
        <source>поликлиника, врач, пациент или № талона</source>
        <translation>clinic, doctor, patient or slip No.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="93"/>
        <source>Пои&amp;ск:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="95"/>
        <source>&amp;Вся история</source>
        <translation>&amp;All history</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="97"/>
        <source>Показать всю историю, не только смену</source>
        <translation>Show all history, not just this shift</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="99"/>
        <source>Показать записи за все хранимые дни, а не только за сегодня</source>
        <translation>Show entries for all stored days, not just today</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="101"/>
        <source>О&amp;бновить</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="103"/>
        <source>Обновить журнал</source>
        <translation>Refresh the journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="114"/>
        <source>Записи журнала</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="148"/>
        <source>Подробности записи</source>
        <translation>Entry details</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="163"/>
        <source>Что выяснили при проверке</source>
        <translation>What the check found</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="165"/>
        <source>например: запись есть в МИС, талон № 12 / записи нет</source>
        <translation>e.g. booked in the MIS, slip No. 12 / no booking</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="168"/>
        <source>&amp;Что выяснили:</source>
        <translation>&amp;Findings:</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="170"/>
        <source>Со&amp;хранить отметку</source>
        <translation>Sa&amp;ve note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="172"/>
        <source>Сохранить отметку о проверке</source>
        <translation>Save the check note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="173"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="193"/>
        <source>Повторить &amp;печать</source>
        <translation>Re&amp;print</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="195"/>
        <source>Повторить печать талона</source>
        <translation>Print the slip again</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="197"/>
        <source>&amp;Отметить как проверенную</source>
        <translation>&amp;Mark as checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="200"/>
        <source>Отметить запись с неизвестным результатом как проверенную</source>
        <translation>Mark the entry with an unknown outcome as checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="204"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="286"/>
        <source>Ничего не найдено.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="288"/>
        <source>В журнале нет записей.</source>
        <translation>The journal is empty.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="290"/>
        <source>За эту смену записей нет.</source>
        <translation>No entries this shift.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="294"/>
        <source>Показаны последние {0} записей — уточните поиск.</source>
        <translation>Showing the last {0} entries — refine your search.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="297"/>
        <source>Записей: {0}</source>
        <translation>Entries: {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="319"/>
        <source>Выберите запись, чтобы увидеть подробности.</source>
        <translation>Select an entry to see its details.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="337"/>
        <source>{0} — учебная запись, не настоящая</source>
        <translation>{0} — training entry, not real</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="338"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="339"/>
        <source>Попытка записи</source>
        <translation>Booking attempt</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="341"/>
        <source>Изменено</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="342"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="343"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="344"/>
        <source>Врач или кабинет</source>
        <translation>Doctor or room</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="348"/>
        <source>Запрошенный день</source>
        <translation>Requested day</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="352"/>
        <location filename="../ui/journal/view.py" line="370"/>
        <source>Номер талона</source>
        <translation>Slip number</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="357"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="358"/>
        <source>Кабинет</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="359"/>
        <source>Этаж</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="361"/>
        <source>Врач по талону</source>
        <translation>Doctor on slip</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="362"/>
        <source>Тип приёма</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="365"/>
        <source>Поликлиника по талону</source>
        <translation>Clinic on slip</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="367"/>
        <source>Кем записано</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="368"/>
        <source>GUID талона</source>
        <translation>Slip GUID</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="373"/>
        <source>Напечатано</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="374"/>
        <source>{0} раз(а), последний — {1}</source>
        <translation>{0} time(s), last on {1}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="378"/>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="379"/>
        <source>Код ошибки</source>
        <translation>Error code</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="383"/>
        <source>Для поддержки</source>
        <translation>For support</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="384"/>
        <source>Почему результат неизвестен</source>
        <translation>Why the outcome is unknown</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="385"/>
        <source>Отметка о проверке</source>
        <translation>Check note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="386"/>
        <source>Проверено</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="400"/>
        <source>Ответ сервера не получен: запись могла быть создана. Проверьте её в регистратуре, прежде чем записывать пациента снова, и отметьте результат.</source>
        <translation>No response from the server: the booking may have been created. Check with the clinic&apos;s reception before booking the patient again, and record the outcome.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="409"/>
        <source>Дополнено по данным записи: {0}</source>
        <translation>Filled in from the booking request: {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="412"/>
        <source>Сервер не прислал эти данные; талон заполнен тем, что выбрал регистратор, и они отмечены на нём «*».</source>
        <translation>The server did not send these details; the slip was filled in with what the operator chose, and they are marked “*” on it.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/desk/window.py" line="99"/>
        <source>УЧЕБНЫЙ РЕЖИМ — записи не настоящие</source>
        <translation>TRAINING MODE — bookings are not real</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="120"/>
        <source>Напечатать талон</source>
        <translation>Print the slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="126"/>
        <source>Печать с выбором принтера</source>
        <translation>Choose a printer and print</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="127"/>
        <source>Пр&amp;осмотр</source>
        <translation>Previe&amp;w</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="129"/>
        <source>Предварительный просмотр талона</source>
        <translation>Preview the slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="130"/>
        <source>PD&amp;F…</source>
        <translation>PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="132"/>
        <source>Сохранить талон в PDF</source>
        <translation>Save the slip as PDF</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="135"/>
        <source>Новая запись</source>
        <translation>New booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="247"/>
        <source>УЧЕБНЫЙ РЕЖИМ</source>
        <translation>TRAINING MODE</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="247"/>
        <source>рабочий режим</source>
        <translation>live mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="248"/>
        <source>Запись вне расписания — {0}</source>
        <translation>Unscheduled booking — {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="252"/>
        <source>&amp;Записать</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="303"/>
        <source>Печать с &amp;выбором принтера…	Ctrl+Shift+P</source>
        <translation>Print with a &amp;printer choice…	Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="133"/>
        <location filename="../ui/desk/window.py" line="254"/>
        <source>&amp;Новая запись (F2)</source>
        <translation>&amp;New booking (F2)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="118"/>
        <source>Пе&amp;чать (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="123"/>
        <source>Печать с в&amp;ыбором…</source>
        <translation>Pr&amp;int…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="124"/>
        <source>Выбрать принтер и напечатать (Ctrl+Shift+P)</source>
        <translation>Choose a printer and print (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="251"/>
        <source>Запис&amp;ь</source>
        <translation>Boo&amp;king</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="256"/>
        <source>&amp;Обновить справочник</source>
        <translation>&amp;Refresh clinic list</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="258"/>
        <source>Ввод &amp;GUID вручную</source>
        <translation>Enter &amp;GUID manually</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="261"/>
        <source>&amp;Журнал смены…</source>
        <translation>Shift &amp;journal…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="264"/>
        <source>&amp;Настройки…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="266"/>
        <source>В&amp;ыход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="286"/>
        <source>Ре&amp;жим</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="288"/>
        <source>Перейти в &amp;рабочий режим…</source>
        <translation>Switch to &amp;live mode…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="290"/>
        <source>Перейти в &amp;учебный режим…</source>
        <translation>Switch to &amp;training mode…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="299"/>
        <source>Т&amp;алон</source>
        <translation>S&amp;lip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="300"/>
        <source>&amp;Печать на принтер по умолчанию	Ctrl+P</source>
        <translation>&amp;Print to default printer	Ctrl+P</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="306"/>
        <source>Пред&amp;варительный просмотр</source>
        <translation>Print pre&amp;view</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="308"/>
        <source>Сохранить в P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="385"/>
        <source>Печать талона…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="317"/>
        <source>Рабочий режим</source>
        <translation>Live mode</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="164"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>ModeSwitch</name>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="44"/>
        <source>Рабочий режим</source>
        <translation>Live mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="45"/>
        <source>Адрес сервера регистратуры не указан.</source>
        <translation>The booking server address is not set.</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="47"/>
        <source>Укажите его в настройках (меню «Запись» → «Настройки…»), затем перейдите в рабочий режим.</source>
        <translation>Set it in Settings (menu “Booking” → “Settings…”), then switch to live mode.</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="55"/>
        <source>Перейти в рабочий режим?</source>
        <translation>Switch to live mode?</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="57"/>
        <source>В рабочем режиме записи НАСТОЯЩИЕ: пациенты будут записаны на приём через сервер {0}.</source>
        <translation>In live mode bookings are REAL: patients will be booked through the server {0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="60"/>
        <source>Учебные записи и упражнения останутся в учебном режиме.</source>
        <translation>Training bookings and exercises stay in training mode.</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="62"/>
        <source>Перейти в рабочий режим</source>
        <translation>Switch to live mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="66"/>
        <source>Перейти в учебный режим?</source>
        <translation>Switch to training mode?</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="68"/>
        <source>В учебном режиме программа работает со встроенной песочницей: записи не настоящие, сервер регистратуры не используется.</source>
        <translation>In training mode the program uses its built-in sandbox: bookings are not real and the booking server is not used.</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="72"/>
        <source>Перейти в учебный режим</source>
        <translation>Switch to training mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/mode_switch.py" line="73"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchPicker</name>
    <message>
        <location filename="../ui/desk/search_picker.py" line="195"/>
        <source>и ещё {0} — уточните поиск</source>
        <translation>and {0} more — refine your search</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../ui/settings/controller.py" line="107"/>
        <source>Принтеры не найдены</source>
        <translation>No printers found</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="111"/>
        <source>Принтер по умолчанию</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="116"/>
        <source>{0} (не найден)</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="162"/>
        <source>Недопустимое значение.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="235"/>
        <source>Сохранённый токен удалён.</source>
        <translation>The saved token has been deleted.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="241"/>
        <source>Не удалось удалить токен из хранилища учётных данных. Подробности записаны в журнал программы.</source>
        <translation>Could not delete the token from the credential store. Details were written to the program log.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="257"/>
        <source>Файл сертификата удостоверяющего центра</source>
        <translation>Certificate authority file</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="259"/>
        <source>Сертификаты (*.pem *.crt *.cer *.der);;Все файлы (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings/dialog.py" line="65"/>
        <location filename="../ui/settings/dialog.py" line="66"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="71"/>
        <source>Разделы настроек</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="81"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="85"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="141"/>
        <source>&amp;Подключение</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="146"/>
        <source>&amp;Адрес сервера:</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="149"/>
        <source>Адрес сервера регистратуры</source>
        <translation>Booking server address</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="150"/>
        <source>Только https://. Адрес http:// допустим лишь для этого компьютера.</source>
        <translation>https:// only. An http:// address is allowed only for this computer.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="154"/>
        <source>Токен доступа</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="160"/>
        <source>Сохранённый токен хранится в защищённом хранилище Windows, а не в файле настроек.</source>
        <translation>A saved token is kept in the secure Windows credential store, not in the settings file.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="166"/>
        <source>&amp;Забыть сохранённый токен</source>
        <translation>&amp;Forget saved token</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="168"/>
        <source>Забыть сохранённый токен</source>
        <translation>Forget the saved token</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="184"/>
        <source>Хранилище токенов недоступно</source>
        <translation>Token store unavailable</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="189"/>
        <source>&amp;Использовать системный прокси</source>
        <translation>&amp;Use system proxy</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="191"/>
        <source>Использовать системный прокси</source>
        <translation>Use the system proxy</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="197"/>
        <source>Адрес п&amp;рокси:</source>
        <translation>Pro&amp;xy address:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="200"/>
        <source>Адрес прокси-сервера</source>
        <translation>Proxy server address</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="201"/>
        <source>Если адрес указан, системный прокси не используется.</source>
        <translation>If an address is set, the system proxy is not used.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="204"/>
        <source>не используется</source>
        <translation>not used</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="205"/>
        <source>О&amp;бзор…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="207"/>
        <source>Выбрать файл сертификата</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="213"/>
        <source>&amp;Файл сертификата УЦ:</source>
        <translation>CA ce&amp;rtificate file:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="216"/>
        <source>Файл сертификата удостоверяющего центра</source>
        <translation>Certificate authority file</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="219"/>
        <source>Дополнительный корневой сертификат (.pem, .crt, .cer). Сертификаты Windows используются всегда.</source>
        <translation>An additional root certificate (.pem, .crt, .cer). Windows certificates are always used.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="225"/>
        <source>Пе&amp;чать и вид</source>
        <translation>&amp;Printing and display</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="228"/>
        <source>По бумаге принтера (автоматически)</source>
        <translation>From the printer&apos;s paper (automatic)</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="229"/>
        <source>80 мм рулон</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="230"/>
        <source>58 мм рулон</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="231"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="232"/>
        <source>A6</source>
        <translation>A6</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="238"/>
        <source>&amp;Размер талона:</source>
        <translation>S&amp;lip size:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="241"/>
        <source>Размер талона</source>
        <translation>Slip size</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="243"/>
        <source>«Автоматически»: 58 или 80 мм по ширине бумаги, которую сообщает принтер.</source>
        <translation>“Automatic”: 58 or 80 mm by the paper width the printer reports.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="251"/>
        <source>При&amp;нтер:</source>
        <translation>Pri&amp;nter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="254"/>
        <source>Принтер для талонов</source>
        <translation>Printer for slips</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="257"/>
        <source>не печатается</source>
        <translation>not printed</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="262"/>
        <source>Напо&amp;минание на талоне:</source>
        <translation>Slip re&amp;minder:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="265"/>
        <source>Напоминание на талоне</source>
        <translation>Reminder on the slip</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="267"/>
        <source>Строка под временем приёма, например «При себе иметь полис ОМС и паспорт». Пустое поле — без напоминания.</source>
        <translation>A line under the appointment time, e.g. “Bring your OMS policy and passport”. Empty: no reminder.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="279"/>
        <source>Размер &amp;шрифта:</source>
        <translation>F&amp;ont size:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="282"/>
        <source>Размер шрифта в процентах</source>
        <translation>Font size, percent</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="291"/>
        <source>&amp;Язык интерфейса:</source>
        <translation>Interface lan&amp;guage:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="294"/>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="295"/>
        <source>Размер шрифта и язык применяются после перезапуска программы.</source>
        <translation>Font size and language take effect after the program restarts.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="299"/>
        <source>&amp;Журнал и оператор</source>
        <translation>&amp;Journal and operator</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="305"/>
        <source>&amp;Логин оператора:</source>
        <translation>Operator &amp;login:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="308"/>
        <source>Логин оператора</source>
        <translation>Operator login</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="309"/>
        <source>Печатается на талоне и помогает найти, кто записал пациента.</source>
        <translation>Printed on the slip; helps find who booked the patient.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="313"/>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="317"/>
        <source>&amp;Хранить журнал:</source>
        <translation>&amp;Keep journal for:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="320"/>
        <source>Сколько дней хранить журнал смены</source>
        <translation>How many days to keep the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="321"/>
        <source>Более старые записи журнала смены удаляются автоматически.</source>
        <translation>Older shift journal entries are deleted automatically.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="325"/>
        <source>&amp;Дополнительно</source>
        <translation>&amp;Advanced</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="330"/>
        <source>Эти параметры зависят от сервера регистратуры. Меняйте их только по указанию службы поддержки.</source>
        <translation>These settings depend on the booking server. Change them only when support tells you to.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="342"/>
        <source>&amp;Формат даты в запросе:</source>
        <translation>Request &amp;date format:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="345"/>
        <source>Формат даты и времени в запросе записи</source>
        <translation>Date and time format in the booking request</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="352"/>
        <source>Запись &amp;вне расписания:</source>
        <translation>Unscheduled &amp;booking:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="354"/>
        <source>Путь запроса записи вне расписания</source>
        <translation>Request path for unscheduled booking</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="358"/>
        <source>Спис&amp;ок поликлиник:</source>
        <translation>Clinic li&amp;st:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="360"/>
        <source>Путь запроса списка поликлиник</source>
        <translation>Request path for the clinic list</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="364"/>
        <source>Поликлин&amp;ика:</source>
        <translation>Cl&amp;inic:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="366"/>
        <source>Путь запроса сведений о поликлинике</source>
        <translation>Request path for clinic details</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="370"/>
        <source>Врачи поли&amp;клиники:</source>
        <translation>Clinic d&amp;octors:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="372"/>
        <source>Путь запроса списка врачей поликлиники</source>
        <translation>Request path for the clinic&apos;s doctor list</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="378"/>
        <source>Восстановить &amp;стандартные пути</source>
        <translation>&amp;Restore default paths</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="380"/>
        <source>Восстановить стандартные пути</source>
        <translation>Restore the default paths</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="392"/>
        <location filename="../ui/settings/dialog.py" line="404"/>
        <source> с</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="396"/>
        <source>Ожидание соедин&amp;ения:</source>
        <translation>Co&amp;nnection timeout:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="399"/>
        <source>Время ожидания соединения, секунд</source>
        <translation>Connection timeout, seconds</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="408"/>
        <source>Ожидание о&amp;твета:</source>
        <translation>Response &amp;timeout:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="411"/>
        <source>Время ожидания ответа сервера, секунд</source>
        <translation>Server response timeout, seconds</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../ui/settings/controller.py" line="309"/>
        <source>Настройки не сохранены</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="310"/>
        <source>Не удалось записать файл настроек: {0}</source>
        <translation>Could not write the settings file: {0}</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="311"/>
        <source>Настройки действуют до закрытия программы.</source>
        <translation>The settings apply until the program is closed.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="315"/>
        <source>Настройки сохранены.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SlipActions</name>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="155"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="156"/>
        <source>Нет талона для печати: сначала запишите пациента.</source>
        <translation>No slip to print: book the patient first.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="216"/>
        <source>б/н</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="219"/>
        <source>Талон № {0} сохранён в PDF: {1}</source>
        <translation>Ticket No. {0} saved as PDF: {1}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="221"/>
        <source>В PDF сохранён дубликат № {0} талона № {1}: {2}</source>
        <translation>Duplicate No. {0} of ticket No. {1} saved as PDF: {2}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="228"/>
        <source>Отправлено на принтер «{0}»: талон № {1}. Проверьте, вышел ли талон.</source>
        <translation>Sent to printer “{0}”: ticket No. {1}. Check that the slip came out.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="232"/>
        <source>Отправлено на принтер «{0}»: дубликат № {1} талона № {2}. Проверьте, вышел ли талон.</source>
        <translation>Sent to printer “{0}”: duplicate No. {1} of ticket No. {2}. Check that the slip came out.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="238"/>
        <source>Талон № {0} напечатан.</source>
        <translation>Ticket No. {0} printed.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="240"/>
        <source>Напечатан дубликат № {0} талона № {1}.</source>
        <translation>Duplicate No. {0} of ticket No. {1} printed.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="243"/>
        <source> (из журнала)</source>
        <translation> (from the journal)</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="248"/>
        <source>Талон не напечатан и не засчитан.</source>
        <translation>The slip was not printed and not counted.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="253"/>
        <source>Размер талона не подходит к бумаге</source>
        <translation>The slip size does not fit the paper</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="255"/>
        <source>Талон остаётся на экране.</source>
        <translation>The ticket stays on screen.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="262"/>
        <source>Талон не напечатан</source>
        <translation>Slip not printed</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="265"/>
        <source>Талон остаётся на экране: его можно напечатать ещё раз или сохранить в PDF.</source>
        <translation>The slip stays on screen: you can print it again or save it as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="301"/>
        <source>Сохранить талон в PDF</source>
        <translation>Save the slip as PDF</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="303"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="104"/>
        <source>На этом компьютере не установлен ни один принтер. Подключите принтер или обратитесь к администратору. Талон можно сохранить в PDF или напечатать позже.</source>
        <translation>No printer is installed on this computer. Connect a printer or contact your administrator. You can save the slip as PDF or print it later.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="112"/>
        <source>Не выбран принтер для талонов. Выберите принтер в настройках или сохраните талон в PDF.</source>
        <translation>No slip printer selected. Choose a printer in Settings or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="120"/>
        <source>Принтер «{name}» не найден. Выберите другой принтер в настройках или сохраните талон в PDF.</source>
        <translation>Printer “{name}” not found. Choose another printer in Settings or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="128"/>
        <source>Принтер «{name}» сейчас не готов: он выключен, приостановлен или сообщает об ошибке. Проверьте принтер и бумагу и повторите печать или сохраните талон в PDF.</source>
        <translation>Printer “{name}” is not ready: it is off, paused or reporting an error. Check the printer and paper, then print again or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="136"/>
        <source>Принтер «{name}» остановлен (приостановлен или выключен): талон не напечатан. Включите принтер, проверьте бумагу и возобновите печать (в Windows: «Принтеры и сканеры» → принтер → «Открыть очередь» → снимите «Приостановить печать»), затем напечатайте ещё раз или сохраните талон в PDF.</source>
        <translation>Printer “{name}” is stopped (paused or switched off): the slip was not printed. Switch the printer on, check the paper and resume printing (on Windows: “Printers and scanners” → the printer → “Open queue” → clear “Pause printing”), then print again or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="147"/>
        <source>Принтер «{name}» сейчас не принимает задания: талон не напечатан. Попросите администратора включить приём заданий на этом принтере, выберите другой принтер («Печать с выбором…») или сохраните талон в PDF.</source>
        <translation>Printer “{name}” does not accept jobs now: the slip was not printed. Ask the administrator to make this printer accept jobs, choose another printer (“Print with a choice…”) or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="157"/>
        <source>В настройках выбран размер талона «{layout}», а в принтере «{name}» бумага шириной {paper} мм: талон на ней не поместится и не напечатан. Выберите в настройках размер «По бумаге принтера (автоматически)» или подходящий к этой бумаге, или напечатайте на другом принтере («Печать с выбором…»).</source>
        <translation>The settings choose the slip size “{layout}”, but printer “{name}” has {paper} mm paper: the slip does not fit and was not printed. Choose “From the printer&apos;s paper (automatic)” or a size that fits this paper in the settings, or print on another printer (“Print with a choice…”).</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="167"/>
        <source>Не удалось напечатать талон на принтере «{name}». Проверьте принтер и повторите печать или сохраните талон в PDF.</source>
        <translation>Could not print the slip on printer “{name}”. Check the printer and print again, or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="175"/>
        <source>Не удалось сохранить талон в файл «{path}». Выберите другую папку.</source>
        <translation>Could not save the slip to “{path}”. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="182"/>
        <source>Предпросмотр талона</source>
        <translation>Slip preview</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="186"/>
        <source>Талон № {number}</source>
        <translation>Slip No. {number}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="195"/>
        <source>Система сообщает: {reason}.</source>
        <translation>The system says: {reason}.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <location filename="../ui/desk/status.py" line="35"/>
        <source>Статус поликлиники</source>
        <translation>Clinic status</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="36"/>
        <source>Пинг поликлиники</source>
        <translation>Clinic ping</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="46"/>
        <source>● статус неизвестен</source>
        <translation>● status unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="53"/>
        <source>● В сети</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="55"/>
        <source>✖ Не в сети</source>
        <translation>✖ Offline</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="57"/>
        <source>? {0}</source>
        <translation>? {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="57"/>
        <source>неизвестно</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="61"/>
        <source>пинг {0} мс</source>
        <translation>ping {0} ms</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="64"/>
        <source>с {0}</source>
        <translation>since {0}</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="41"/>
        <source>Талон записи</source>
        <translation>Appointment slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="46"/>
        <source>Здесь появится талон после записи.

Выберите поликлинику, врача и дату, затем нажмите «Записать» (Ctrl+Enter).</source>
        <translation>The slip will appear here after booking.

Choose a clinic, a doctor and a date, then press “Book” (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="75"/>
        <source>Талон на приём — вне расписания</source>
        <translation>Appointment slip — unscheduled</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="78"/>
        <source>Номер талона</source>
        <translation>Slip number</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="79"/>
        <source>Кабинет</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="80"/>
        <source>Этаж</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="81"/>
        <source>Тип приёма</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="82"/>
        <source>Врач</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="83"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="84"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="85"/>
        <source>Кем и когда записано</source>
        <translation>Booked by and when</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="87"/>
        <source>УЧЕБНАЯ ЗАПИСЬ — не настоящая</source>
        <translation>TRAINING BOOKING — not real</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="95"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="96"/>
        <source>Кабинет:</source>
        <translation>Room:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="97"/>
        <source>Этаж:</source>
        <translation>Floor:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="98"/>
        <source>Приём:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="99"/>
        <source>Врач:</source>
        <translation>Doctor:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="100"/>
        <source>Тип приёма:</source>
        <translation>Visit type:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="101"/>
        <source>Поликлиника:</source>
        <translation>Clinic:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="102"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="103"/>
        <source>Записано:</source>
        <translation>Booked:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="152"/>
        <source>время назначит поликлиника</source>
        <translation>time to be set by the clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="159"/>
        <source>тел. {0}</source>
        <translation>tel. {0}</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../ui/training/controller.py" line="79"/>
        <location filename="../ui/training/controller.py" line="107"/>
        <source>Введите фамилию и имя стажёра.</source>
        <translation>Enter the trainee&apos;s full name.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="94"/>
        <source>С возвращением! Выполненные упражнения отмечены.</source>
        <translation>Welcome back! Completed exercises are ticked.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="96"/>
        <source>Выберите упражнение и прочитайте задание.</source>
        <translation>Choose an exercise and read the task.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="111"/>
        <source>Имя не изменилось: {0}.</source>
        <translation>The name has not changed: {0}.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="122"/>
        <source>Имя исправлено: «{0}» вместо «{1}». Прогресс сохранён.</source>
        <translation>Name corrected: “{0}” instead of “{1}”. Progress saved.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="161"/>
        <source>Упражнение «{0}» начато. Прежние учебные записи пациента {1} удалены. Выполните задание в окне записи.</source>
        <translation>Exercise “{0}” started. Earlier training bookings of the patient {1} were removed. Do the task in the booking window.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="165"/>
        <source>Упражнение «{0}» начато. Выполните задание в окне записи.</source>
        <translation>Exercise “{0}” started. Do the task in the booking window.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="200"/>
        <source>Шаг {0} из {1} выполнен — продолжайте по заданию.</source>
        <translation>Step {0} of {1} done — carry on with the task.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="217"/>
        <source>✔ Упражнение «{0}» выполнено!</source>
        <translation>✔ Exercise “{0}” completed!</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="230"/>
        <source>Сбросить песочницу</source>
        <translation>Reset sandbox</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="232"/>
        <source>Все учебные записи будут удалены, песочница вернётся в начальное состояние.</source>
        <translation>All training bookings will be deleted and the sandbox will return to its initial state.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="234"/>
        <source>Отметки о выполненных упражнениях сохранятся.</source>
        <translation>Completed exercise ticks will be kept.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="236"/>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="237"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="247"/>
        <source>Песочница сброшена: учебные записи удалены.</source>
        <translation>Sandbox reset: training bookings deleted.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="284"/>
        <source>Сначала введите фамилию и имя стажёра.</source>
        <translation>Enter the trainee&apos;s full name first.</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="294"/>
        <source>Не удалось сохранить отчёт в {0}: {1}</source>
        <translation>Could not save the report to {0}: {1}</translation>
    </message>
    <message>
        <location filename="../ui/training/controller.py" line="300"/>
        <source>Отчёт сохранён: {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../ui/training/panel.py" line="90"/>
        <location filename="../ui/training/panel.py" line="440"/>
        <source>Обучение</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="130"/>
        <source>&amp;Стажёр (фамилия и имя):</source>
        <translation>&amp;Trainee (full name):</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="134"/>
        <location filename="../ui/training/panel.py" line="319"/>
        <source>Фамилия и имя стажёра</source>
        <translation>Trainee&apos;s full name</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="135"/>
        <source>например: Иванова Мария</source>
        <translation>e.g. Maria Ivanova</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="138"/>
        <source>Начать</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="156"/>
        <source>Исправи&amp;ть имя…</source>
        <translation>Ad&amp;just name…</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="158"/>
        <location filename="../ui/training/panel.py" line="308"/>
        <source>Исправить имя стажёра</source>
        <translation>Correct the trainee&apos;s name</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="167"/>
        <source>Упражнения</source>
        <translation>Exercises</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="188"/>
        <source>Задание</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="195"/>
        <source>Подсказ&amp;ка</source>
        <translation>&amp;Hint</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="197"/>
        <source>Начать &amp;упражнение</source>
        <translation>Start &amp;exercise</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="215"/>
        <source>С&amp;бросить песочницу…</source>
        <translation>Reset sandbo&amp;x…</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="217"/>
        <source>Отчёт дл&amp;я наставника…</source>
        <translation>Summar&amp;y for mentor…</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="270"/>
        <source>Как проходит обучение</source>
        <translation>How training works</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="275"/>
        <source>1. Введите свою фамилию и имя и нажмите «Начать».
2. Выберите упражнение и прочитайте задание.
3. Выполните его в окне записи, как с настоящим пациентом: все пациенты и записи здесь учебные.
4. Выполненное упражнение отмечается галочкой само. Не получается — нажмите «Подсказка».

Прогресс сохраняется на этом компьютере.</source>
        <translation>1. Enter your full name and press “Start”.
2. Choose an exercise and read the task.
3. Do it in the booking window as with a real patient: all patients and bookings here are for training.
4. A completed exercise is ticked automatically. Stuck? Press “Hint”.

Progress is saved on this computer.</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="294"/>
        <source>Стажёр: {0}</source>
        <translation>Trainee: {0}</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="310"/>
        <source>Фамилия и имя стажёра (выполненные упражнения и отчёт сохранятся):</source>
        <translation>Trainee&apos;s surname and first name (completed exercises and the report are kept):</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="314"/>
        <source>Исправить</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="315"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="369"/>
        <location filename="../ui/training/panel.py" line="430"/>
        <source>выполнено {0}</source>
        <translation>completed {0}</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="432"/>
        <source>не выполнено</source>
        <translation>not completed</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="442"/>
        <source>Обучение — выполнено {0} из {1}</source>
        <translation>Training — {0} of {1} completed</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="463"/>
        <source>Сохранить отчёт для наставника</source>
        <translation>Save the report for the mentor</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="465"/>
        <source>Страница HTML (*.html)</source>
        <translation>HTML page (*.html)</translation>
    </message>
</context>
</TS>
