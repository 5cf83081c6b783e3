<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/desk/help.py" line="156"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="158"/>
        <source>Запись вне расписания, версия {0}</source>
        <translation>Unscheduled booking, version {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="160"/>
        <source>Программа для регистратуры поликлиники: запись пациента на приём вне расписания через региональную регистратуру и печать талона.</source>
        <translation>A program for the clinic reception desk: books patients for unscheduled appointments through the regional booking service and prints the slip.</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="164"/>
        <source>Горячие клавиши — F1 (меню «Справка»).</source>
        <translation>Keyboard shortcuts — F1 (the “Help” menu).</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../ui/platform/app.py" line="483"/>
        <source>Рабочий режим не запущен: {0}
Программа открыта в учебном режиме. Исправьте адрес сервера или файл сертификата в настройках.</source>
        <translation>Live mode did not start: {0}
The program has opened in training mode. Correct the server address or the certificate file in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="442"/>
        <source>Журнал смены {0} занят другой программой — вероятно, эта программа уже запущена.
Закройте другую копию программы и запустите её снова.</source>
        <translation>The shift journal {0} is in use by another program — the program is probably already running.
Close the other copy of the program and start it again.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="448"/>
        <source>Не удалось открыть журнал смены {0}.
Обратитесь к администратору: нет прав на запись в папку {1}.</source>
        <translation>The shift journal {0} could not be opened.
Contact your administrator: there is no permission to write to the folder {1}.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="454"/>
        <source>Журнал смены {0} создан более новой версией программы.
Запустите новую версию программы или обратитесь к администратору.</source>
        <translation>The shift journal {0} was created by a newer version of the program.
Start the newer version of the program or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="459"/>
        <source>Не удалось открыть журнал смены {0}: {1}
Обратитесь к администратору.</source>
        <translation>The shift journal {0} could not be opened: {1}
Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="468"/>
        <source>Учебный режим не запущен: {0}
Обратитесь к администратору.</source>
        <translation>Training mode did not start: {0}
Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="499"/>
        <source>Программа не может начать работу</source>
        <translation>The program cannot start</translation>
    </message>
</context>
<context>
    <name>BookingController</name>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="256"/>
        <source>действует до {0}</source>
        <translation>valid until {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="268"/>
        <source>— выберите из использованных ранее —</source>
        <translation>— choose a recently used one —</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="325"/>
        <source>Проверьте данные</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="423"/>
        <source>Выберите поликлинику из списка.</source>
        <translation>Choose a clinic from the list.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="426"/>
        <source>Выберите врача или кабинет из списка.</source>
        <translation>Choose a doctor or room from the list.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="174"/>
        <source>Этот день уже прошёл. Первый день для записи — {0}.</source>
        <translation>This day has already passed. The first day you can book is {0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="179"/>
        <source>Так далеко вперёд записать нельзя. Последний день для записи — {0}.</source>
        <translation>You cannot book that far ahead. The last day you can book is {0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="221"/>
        <source>Документы: полис ОМС {0}, дата рождения {1}.</source>
        <translation>Documents: OMS policy {0}, date of birth {1}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="310"/>
        <source>Список врачей загружается — запись продолжится сама.</source>
        <translation>Loading the doctor list — the booking will continue by itself.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="350"/>
        <source>Пациент не найден — запись не отправлена.</source>
        <translation>Patient not found — the booking was not sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="353"/>
        <source>Запись не отправлена: поликлиника не в сети.</source>
        <translation>The booking was not sent: the clinic is offline.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="368"/>
        <source>Укажите пациента: полис ОМС и дату рождения (Enter — найти), или вставьте токен.</source>
        <translation>Enter the patient: OMS policy and date of birth (Enter to find), or paste a token.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="522"/>
        <source>Возможна повторная запись</source>
        <translation>Possible duplicate booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="524"/>
        <source>Для этого пациента к этому врачу на этот день уже была попытка записи с неизвестным результатом. Запись могла быть создана.</source>
        <translation>There was already a booking attempt with an unknown outcome for this patient, doctor and day. The booking may have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="527"/>
        <source>Сначала проверьте, есть ли у пациента запись. Записать ещё раз?</source>
        <translation>First check whether the patient already has an appointment. Book again?</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="529"/>
        <source>Записать ещё раз</source>
        <translation>Book again</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="530"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="539"/>
        <source>Отправка записи…</source>
        <translation>Sending the booking…</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="594"/>
        <source>Записано: талон № {0}</source>
        <translation>Booked: slip No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="596"/>
        <source> — талон не записан в журнал смены</source>
        <translation> — slip not saved to the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="599"/>
        <source>Запись, вероятно, создана, но талон не прочитан — проверьте запись.</source>
        <translation>The booking was probably created, but the slip could not be read — check the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="601"/>
        <source>Результат записи неизвестен — проверьте, создана ли запись.</source>
        <translation>Booking outcome unknown — check whether the booking exists.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="603"/>
        <source>Запись не создана: сервер отказал.</source>
        <translation>Not booked: the server refused.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="606"/>
        <source>Запись не отправлена: у пациента уже есть запись к этому специалисту на этот день.</source>
        <translation>The booking was not sent: the patient already has a booking with this specialist on this day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="609"/>
        <source>Запись отменена оператором.</source>
        <translation>Booking cancelled by the operator.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="610"/>
        <source>Запрос на запись не отправлен.</source>
        <translation>The booking request was not sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="649"/>
        <source>Новая запись.</source>
        <translation>New booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="658"/>
        <source>Нет записи, которую можно отменить.</source>
        <translation>There is no booking to cancel.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="690"/>
        <source>Запись отменена: талон № {0}.</source>
        <translation>Booking cancelled: slip No. {0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="692"/>
        <source>Запись отменена.</source>
        <translation>Booking cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="695"/>
        <source>Результат отмены неизвестен — проверьте запись.</source>
        <translation>Cancellation outcome unknown — check the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="697"/>
        <source>Запись не отменена: сервер отказал.</source>
        <translation>Not cancelled: the server refused.</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_controller.py" line="699"/>
        <source>Отмена не отправлена.</source>
        <translation>The cancellation was not sent.</translation>
    </message>
</context>
<context>
    <name>BookingForm</name>
    <message>
        <location filename="../ui/desk/booking_form.py" line="322"/>
        <source>название, адрес или код МО</source>
        <translation>name, address or facility code</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="324"/>
        <source>Поиск поликлиники</source>
        <translation>Clinic search</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="340"/>
        <source>фамилия, специальность или кабинет</source>
        <translation>surname, specialty or room</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="342"/>
        <source>Поиск врача</source>
        <translation>Doctor search</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="352"/>
        <source>Ввод GUID вручную</source>
        <translation>Manual GUID entry</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="358"/>
        <source>Ранее использованные врачи</source>
        <translation>Recently used doctors</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="368"/>
        <source>GUID поликлиники</source>
        <translation>Clinic GUID</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="372"/>
        <source>GUID врача</source>
        <translation>Doctor GUID</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="376"/>
        <source>Название для памяти</source>
        <translation>Name to remember it by</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="377"/>
        <source>например: ГП № 3, терапевт Смирнова</source>
        <translation>e.g. Polyclinic No. 3, GP Smirnova</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="378"/>
        <source>GUID &amp;ЛПУ:</source>
        <translation>Clinic &amp;GUID:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="416"/>
        <source>Ошибка в дате</source>
        <translation>Invalid date</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="420"/>
        <source>Указать вре&amp;мя</source>
        <translation>Spe&amp;cify time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="472"/>
        <source>Учебный пациент у стойки</source>
        <translation>Training patient at the desk</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="479"/>
        <source>Пациент:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="561"/>
        <source>Можно с {0} по {1}. + / − — следующий / предыдущий день; F4 или Alt+↓ — календарь</source>
        <translation>Allowed from {0} to {1}. + / −: next / previous day; F4 or Alt+↓: calendar</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="363"/>
        <source>Сохран&amp;ённые:</source>
        <translation>Sa&amp;ved:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="320"/>
        <source>1. &amp;Поиск поликлиники:</source>
        <translation>&amp;1. Clinic search:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="338"/>
        <source>2. &amp;Врач или кабинет:</source>
        <translation>&amp;2. Doctor or room:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="379"/>
        <source>GUID р&amp;есурса:</source>
        <translation>&amp;Resource GUID:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="380"/>
        <source>Под каким &amp;именем запомнить:</source>
        <translation>Save &amp;under name:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="384"/>
        <source>3. Дата и пациент</source>
        <translation>3. Date and patient</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="398"/>
        <source>Дата приёма</source>
        <translation>Appointment date</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="406"/>
        <source>&amp;Дата:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="422"/>
        <source>Указать время приёма</source>
        <translation>Set the appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="423"/>
        <source>Без времени поликлиника назначит ближайшее свободное</source>
        <translation>Without a time, the clinic assigns the nearest free slot</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="426"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="447"/>
        <source>Учебный пациент</source>
        <translation>Training patient</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="470"/>
        <source>Па&amp;циент:</source>
        <translation>P&amp;atient:</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="495"/>
        <source>&amp;Записать  (Ctrl+Enter)</source>
        <translation>&amp;Book  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/desk/booking_form.py" line="497"/>
        <source>Записать пациента</source>
        <translation>Book the patient</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="126"/>
        <source>талон № {0}</source>
        <translation>slip No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="171"/>
        <location filename="../ui/desk/cancel_dialog.py" line="172"/>
        <source>Отмена записи</source>
        <translation>Cancel booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="186"/>
        <source>Найдите пациента этой записи</source>
        <translation>Find the patient of this booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="191"/>
        <source>Для отмены нужен токен пациента: введите полис и дату рождения и нажмите Enter.</source>
        <translation>Cancelling needs the patient token: enter the policy and date of birth and press Enter.</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="210"/>
        <source>Причина отмены</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="215"/>
        <source>Пояснение к причине отмены</source>
        <translation>Details of the cancellation reason</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="226"/>
        <source>&amp;Причина:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="228"/>
        <source>Пояснени&amp;е:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="235"/>
        <source>&amp;Отменить запись</source>
        <translation>&amp;Cancel booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="239"/>
        <source>&amp;Не отменять</source>
        <translation>&amp;Don&apos;t cancel</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="267"/>
        <source>Талон № {0}</source>
        <translation>Slip No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="268"/>
        <source>Врач: {0}</source>
        <translation>Doctor: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="269"/>
        <source>Время приёма: {0}</source>
        <translation>Appointment time: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="270"/>
        <source>Пациент: {0}</source>
        <translation>Patient: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="270"/>
        <source>не указан</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="273"/>
        <source>Учебная запись</source>
        <translation>Training booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="279"/>
        <source>обязательно: что случилось</source>
        <translation>required: what happened</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="279"/>
        <source>необязательно</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="292"/>
        <source>Сначала найдите пациента: полис и дата рождения, затем Enter.</source>
        <translation>Find the patient first: policy and date of birth, then Enter.</translation>
    </message>
    <message>
        <location filename="../ui/desk/cancel_dialog.py" line="297"/>
        <source>Напишите причину отмены.</source>
        <translation>Write the cancellation reason.</translation>
    </message>
</context>
<context>
    <name>CancelReasons</name>
    <message>
        <location filename="../booking/cancel.py" line="57"/>
        <source>Пациент передумал</source>
        <translation>The patient changed their mind</translation>
    </message>
    <message>
        <location filename="../booking/cancel.py" line="58"/>
        <source>Записан по ошибке (не тот пациент или врач)</source>
        <translation>Booked by mistake (wrong patient or doctor)</translation>
    </message>
    <message>
        <location filename="../booking/cancel.py" line="59"/>
        <source>Записан повторно</source>
        <translation>Booked twice</translation>
    </message>
    <message>
        <location filename="../booking/cancel.py" line="60"/>
        <source>Врач не принимает в этот день</source>
        <translation>The doctor does not see patients that day</translation>
    </message>
    <message>
        <location filename="../booking/cancel.py" line="61"/>
        <source>Другая причина</source>
        <translation>Another reason</translation>
    </message>
</context>
<context>
    <name>CoreCrash</name>
    <message>
        <location filename="../logs.py" line="35"/>
        <source>Произошла непредвиденная ошибка: {summary}

Последнее действие могло не выполниться — проверьте его результат в журнале смены. Подробности записаны в файл {log_path}; передайте его специалисту поддержки.</source>
        <translation>An unexpected error occurred: {summary}

The last action may not have completed — check its result in the shift journal. The details are in the file {log_path}; give it to your support specialist.</translation>
    </message>
    <message>
        <location filename="../logs.py" line="42"/>
        <source>неизвестная ошибка</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>CoreJournal</name>
    <message>
        <location filename="../journal/shift_journal.py" line="59"/>
        <source>Программа была закрыта до получения ответа сервера: запись могла быть создана. Проверьте её, прежде чем записывать пациента снова.</source>
        <translation>The program was closed before the server answered: the booking may have been created. Check it before booking the patient again.</translation>
    </message>
    <message>
        <location filename="../journal/shift_journal.py" line="64"/>
        <source>Программа была закрыта до получения ответа сервера на отмену: запись могла быть отменена. Проверьте её в регистратуре.</source>
        <translation>The program was closed before the server answered the cancellation: the booking may have been cancelled. Check it with the registry.</translation>
    </message>
    <message>
        <location filename="../journal/shift_journal.py" line="69"/>
        <source>Не удалось открыть журнал смены {path}: {reason}. Возможно, программа уже запущена на этом компьютере или нет доступа к папке.</source>
        <translation>The shift journal {path} could not be opened: {reason}. The program may already be running on this computer, or there is no access to the folder.</translation>
    </message>
    <message>
        <location filename="../journal/shift_journal.py" line="74"/>
        <source>Журнал смены {path} повреждён и не может быть прочитан.</source>
        <translation>The shift journal {path} is damaged and cannot be read.</translation>
    </message>
    <message>
        <location filename="../journal/shift_journal.py" line="77"/>
        <source>Журнал смены {path} создан более новой версией программы (версия журнала {found}, эта программа понимает версию {supported}). Обновите программу.</source>
        <translation>The shift journal {path} was created by a newer version of the program (journal version {found}, this program understands version {supported}). Update the program.</translation>
    </message>
    <message>
        <location filename="../journal/shift_journal.py" line="82"/>
        <source>Журнал смены был повреждён. Он сохранён как {moved} (его можно передать специалисту поддержки), начат новый журнал: прежние записи в нём не видны.</source>
        <translation>The shift journal was damaged. It was saved as {moved} (you can give it to your support specialist) and a new journal was started: earlier entries are not shown in it.</translation>
    </message>
</context>
<context>
    <name>CoreSettings</name>
    <message>
        <location filename="../settings/model.py" line="72"/>
        <source>Шаблон пути «{template}» должен содержать ровно такие подстановки: {expected}.</source>
        <translation>The path template “{template}” must contain exactly these placeholders: {expected}.</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="75"/>
        <source>Шаблон пути «{template}» должен быть относительным путём на сервере регистратуры (без http://, «..», «?», «#» и пробелов).</source>
        <translation>The path template “{template}” must be a relative path on the registry server (no http://, “..”, “?”, “#” or spaces).</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="80"/>
        <source>Шаблон пути «{template}» может содержать только такие подстановки: {expected}.</source>
        <translation>The path template “{template}” may contain only these placeholders: {expected}.</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="83"/>
        <source>Имя параметра запроса «{name}» должно состоять из латинских букв, цифр и знаков «_», «-», «.».</source>
        <translation>The query parameter name “{name}” may contain only Latin letters, digits and “_”, “-”, “.”.</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="88"/>
        <source>Имя параметра запроса не может быть пустым.</source>
        <translation>The query parameter name cannot be empty.</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="91"/>
        <source>Поле токена в ответе «{name}» должно быть именем поля или путём через точку (например, data.access_token); пустое значение — искать автоматически.</source>
        <translation>The token field of the answer “{name}” must be a field name or a dotted path (for example, data.access_token); leave it empty to find it automatically.</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="96"/>
        <source>Адрес прокси-сервера «{url}» не распознан. Пример: http://proxy.clinic.local:3128</source>
        <translation>The proxy server address “{url}” is not recognised. Example: http://proxy.clinic.local:3128</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="100"/>
        <source>никаких</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../settings/model.py" line="101"/>
        <source>Имя пользователя и пароль прокси-сервера нельзя хранить в настройках: файл настроек не защищён. Укажите адрес прокси без них.</source>
        <translation>The proxy server&apos;s user name and password cannot be kept in the settings: the settings file is not protected. Enter the proxy address without them.</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="31"/>
        <source>Адрес {url} использует незашифрованное соединение (http). Без шифрования можно подключаться только к этому компьютеру (127.0.0.1, localhost, ::1). Данные пациентов должны передаваться только по защищённому протоколу: укажите адрес, начинающийся с https://.</source>
        <translation>The address {url} uses an unencrypted connection (http). Without encryption you may connect only to this computer (127.0.0.1, localhost, ::1). Patient data must travel over a secure protocol: enter an address that starts with https://.</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="37"/>
        <source>Адрес сервера «{url}» не распознан: {reason}. Пример правильного адреса: https://mis.example.ru/api</source>
        <translation>The server address “{url}” is not recognised: {reason}. Example of a correct address: https://mis.example.ru/api</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="42"/>
        <source>адрес не указан</source>
        <translation>no address given</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="43"/>
        <source>адрес должен начинаться с https:// (или http:// для этого компьютера)</source>
        <translation>the address must start with https:// (or http:// for this computer)</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="46"/>
        <source>в адресе нет имени сервера</source>
        <translation>the address has no server name</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="47"/>
        <source>неверный номер порта</source>
        <translation>wrong port number</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="48"/>
        <source>в адресе есть пробелы</source>
        <translation>the address contains spaces</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="49"/>
        <source>в адресе не должно быть имени пользователя или пароля</source>
        <translation>the address must not contain a user name or password</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="52"/>
        <source>в адресе сервера не должно быть параметров после «?» или «#»</source>
        <translation>the server address must not have parameters after “?” or “#”</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="55"/>
        <source>Файл сертификата удостоверяющего центра не найден: {path}. Проверьте путь в настройках или уберите его, чтобы использовать только сертификаты Windows.</source>
        <translation>The certificate authority file was not found: {path}. Check the path in the settings or remove it to use only the Windows certificates.</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="60"/>
        <source>Файл {path} не удалось загрузить как сертификат удостоверяющего центра (ожидается файл .pem, .crt или .cer): {reason}</source>
        <translation>The file {path} could not be loaded as a certificate authority certificate (a .pem, .crt or .cer file is expected): {reason}</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="65"/>
        <location filename="../settings/store.py" line="72"/>
        <source>нет доступа к файлу</source>
        <translation>no access to the file</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="66"/>
        <source>в файле нет корректного сертификата</source>
        <translation>the file holds no valid certificate</translation>
    </message>
    <message>
        <location filename="../settings/network.py" line="69"/>
        <source>Не указан адрес сервера регистратуры. Укажите его в настройках.</source>
        <translation>The registry server address is not set. Enter it in the settings.</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="43"/>
        <source>Файл настроек {path} не удалось прочитать ({reason}). Используются настройки по умолчанию. Повреждённый файл сохранён как {moved} — его можно передать специалисту поддержки.</source>
        <translation>The settings file {path} could not be read ({reason}). Default settings are used. The damaged file was saved as {moved} — you can give it to your support specialist.</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="49"/>
        <source>Файл настроек {path} не удалось прочитать ({reason}). Используются настройки по умолчанию. Переместить повреждённый файл не удалось: при сохранении настроек он будет заменён.</source>
        <translation>The settings file {path} could not be read ({reason}). Default settings are used. The damaged file could not be moved: it will be replaced when the settings are saved.</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="55"/>
        <source>В файле настроек {path} был найден токен или пароль. Хранить их там небезопасно: значение не загружено и удалено из файла.</source>
        <translation>A token or password was found in the settings file {path}. Keeping them there is unsafe: the value was not loaded and was removed from the file.</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="60"/>
        <source>В файле настроек {path} был найден токен или пароль. Значение не загружено, но удалить его из файла не удалось: удалите файл или сохраните настройки заново.</source>
        <translation>A token or password was found in the settings file {path}. The value was not loaded, but it could not be removed from the file: delete the file or save the settings again.</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="67"/>
        <source>файл не в кодировке UTF-8</source>
        <translation>the file is not in UTF-8 encoding</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="68"/>
        <source>нарушен формат JSON</source>
        <translation>the JSON format is broken</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="69"/>
        <source>в файле нет набора настроек</source>
        <translation>the file holds no settings</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="70"/>
        <source>недопустимые значения настроек</source>
        <translation>invalid settings values</translation>
    </message>
    <message>
        <location filename="../settings/store.py" line="71"/>
        <source>вместо файла находится папка</source>
        <translation>there is a folder instead of the file</translation>
    </message>
</context>
<context>
    <name>CoreTraining</name>
    <message>
        <location filename="../training/progress.py" line="59"/>
        <source>Файл с прогрессом стажёра «{name}» не удалось прочитать ({reason}). Обучение начато заново; старый файл сохранён как {moved}.</source>
        <translation>The progress file of trainee “{name}” could not be read ({reason}). Training started afresh; the old file was saved as {moved}.</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="64"/>
        <source>Файл с прогрессом стажёра «{name}» не удалось прочитать ({reason}). Обучение начато заново; при сохранении файл будет заменён.</source>
        <translation>The progress file of trainee “{name}” could not be read ({reason}). Training started afresh; the file will be replaced when progress is saved.</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="69"/>
        <source>Не удалось сохранить прогресс обучения в {path}: {reason}. Выполненные упражнения отмечены только до закрытия программы.</source>
        <translation>Training progress could not be saved to {path}: {reason}. Completed exercises are marked only until the program is closed.</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="74"/>
        <source>Стажёр «{new}» уже есть на этом компьютере. Выберите другое имя или продолжите обучение под именем «{new}».</source>
        <translation>Trainee “{new}” already exists on this computer. Choose another name or continue training as “{new}”.</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="79"/>
        <source>файл не в кодировке UTF-8</source>
        <translation>the file is not in UTF-8 encoding</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="80"/>
        <source>нарушен формат JSON</source>
        <translation>the JSON format is broken</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="81"/>
        <source>недопустимые данные</source>
        <translation>invalid data</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="82"/>
        <source>в файле записан другой стажёр</source>
        <translation>the file belongs to another trainee</translation>
    </message>
    <message>
        <location filename="../training/progress.py" line="83"/>
        <source>нет доступа к файлу</source>
        <translation>no access to the file</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../ui/platform/crash.py" line="82"/>
        <source>Непредвиденная ошибка</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../ui/platform/crash.py" line="92"/>
        <source>Открыть папку с журналом</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../ui/platform/crash.py" line="97"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DayListPrinter</name>
    <message>
        <location filename="../ui/printing/day_list_printer.py" line="41"/>
        <source>Список не напечатан: принтер «{0}» не удалось открыть. Проверьте принтер или сохраните список в PDF.</source>
        <translation>The list was not printed: printer “{0}” could not be opened. Check the printer or save the list as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/day_list_printer.py" line="49"/>
        <source>Не удалось сохранить PDF «{0}». Выберите другую папку.</source>
        <translation>Could not save the PDF “{0}”. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../ui/printing/day_list_printer.py" line="98"/>
        <source>Список записанных вне расписания</source>
        <translation>Unscheduled bookings list</translation>
    </message>
</context>
<context>
    <name>DayListView</name>
    <message>
        <location filename="../ui/journal/day_view.py" line="92"/>
        <source>Список на день</source>
        <translation>Day list</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="93"/>
        <source>Список записанных на день</source>
        <translation>Bookings for the day</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="106"/>
        <source>Дата приёма</source>
        <translation>Appointment date</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="112"/>
        <source>Дата &amp;приёма:</source>
        <translation>&amp;Appointment date:</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="114"/>
        <source>О&amp;бновить</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="116"/>
        <source>Обновить список</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="125"/>
        <source>Записанные по врачам</source>
        <translation>Bookings by doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="128"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="128"/>
        <source>№ талона</source>
        <translation>Slip No.</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="128"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="128"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="146"/>
        <source>Пе&amp;чать (A4)…</source>
        <translation>&amp;Print (A4)…</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="148"/>
        <source>Напечатать список на A4</source>
        <translation>Print the list on A4</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="149"/>
        <source>P&amp;DF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="151"/>
        <location filename="../ui/journal/day_view.py" line="316"/>
        <source>Сохранить список в PDF</source>
        <translation>Save the list as PDF</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="152"/>
        <source>&amp;CSV…</source>
        <translation>&amp;CSV…</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="154"/>
        <source>Сохранить список в CSV для Excel</source>
        <translation>Save the list as CSV for Excel</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="157"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="206"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="225"/>
        <source>Записей: {0}, врачей: {1}</source>
        <translation>Bookings: {0}, doctors: {1}</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="228"/>
        <source>На этот день записей нет.</source>
        <translation>No bookings for this day.</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="256"/>
        <source>Список на {0}</source>
        <translation>List for {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="272"/>
        <source>Принтеры не найдены</source>
        <translation>No printers found</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="274"/>
        <source>На этом компьютере не найдено ни одного принтера. Сохраните список в PDF и напечатайте его с другого компьютера.</source>
        <translation>No printer was found on this computer. Save the list as PDF and print it from another computer.</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="304"/>
        <source>Список не напечатан</source>
        <translation>List not printed</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="307"/>
        <source>Список отправлен на принтер «{0}», страниц: {1}.</source>
        <translation>The list was sent to printer “{0}”, pages: {1}.</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="316"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="326"/>
        <source>PDF не сохранён</source>
        <translation>PDF not saved</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="328"/>
        <location filename="../ui/journal/day_view.py" line="354"/>
        <source>Список сохранён: {0}</source>
        <translation>List saved: {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="334"/>
        <source>Сохранить список в CSV</source>
        <translation>Save the list as CSV</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="336"/>
        <source>CSV для Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="348"/>
        <source>CSV не сохранён</source>
        <translation>CSV not saved</translation>
    </message>
    <message>
        <location filename="../ui/journal/day_view.py" line="349"/>
        <source>Не удалось записать файл «{0}»: {1}. Выберите другую папку.</source>
        <translation>Could not write the file “{0}”: {1}. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>DeskText</name>
    <message>
        <location filename="../text/local.py" line="25"/>
        <source>понедельник</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="26"/>
        <source>вторник</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="27"/>
        <source>среда</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="28"/>
        <source>четверг</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="29"/>
        <source>пятница</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="30"/>
        <source>суббота</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="31"/>
        <source>воскресенье</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="35"/>
        <source>января</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="36"/>
        <source>февраля</source>
        <translation>February</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="37"/>
        <source>марта</source>
        <translation>March</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="38"/>
        <source>апреля</source>
        <translation>April</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="39"/>
        <source>мая</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="40"/>
        <source>июня</source>
        <translation>June</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="41"/>
        <source>июля</source>
        <translation>July</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="42"/>
        <source>августа</source>
        <translation>August</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="43"/>
        <source>сентября</source>
        <translation>September</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="44"/>
        <source>октября</source>
        <translation>October</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="45"/>
        <source>ноября</source>
        <translation>November</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="46"/>
        <source>декабря</source>
        <translation>December</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="66"/>
        <source>{weekday}, {day} {month} {year}</source>
        <translation>{weekday}, {day} {month} {year}</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="82"/>
        <source>{0} год</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="84"/>
        <source>{0} года</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <location filename="../text/local.py" line="85"/>
        <source>{0} лет</source>
        <translation>{0} years</translation>
    </message>
</context>
<context>
    <name>DeskText.one</name>
    <message>
        <location filename="../text/local.py" line="79"/>
        <source>{0} год</source>
        <translation>{0} year</translation>
    </message>
</context>
<context>
    <name>DirectoryController</name>
    <message>
        <location filename="../ui/desk/directory.py" line="70"/>
        <source>код МО {0}</source>
        <translation>facility code {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="258"/>
        <source>Результаты поиска поликлиники</source>
        <translation>Clinic search results</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="259"/>
        <source>Результаты поиска врача</source>
        <translation>Doctor search results</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="282"/>
        <source>Загрузка списка поликлиник…</source>
        <translation>Loading the clinic list…</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="287"/>
        <source>справочник недоступен</source>
        <translation>clinic list unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="289"/>
        <source>Сервер не отдаёт справочник: введите GUID вручную.</source>
        <translation>The server does not provide the clinic list: enter the GUIDs manually.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="292"/>
        <location filename="../ui/desk/directory.py" line="345"/>
        <source>не загружено</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="293"/>
        <source>Справочник не загружен.</source>
        <translation>Clinic list not loaded.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="298"/>
        <source>Поликлиник в справочнике: {0}</source>
        <translation>Clinics in the list: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="339"/>
        <source>список врачей недоступен</source>
        <translation>doctor list unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="340"/>
        <source>Сервер не отдаёт список врачей: введите GUID вручную.</source>
        <translation>The server does not provide the doctor list: enter the GUIDs manually.</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="68"/>
        <location filename="../ui/desk/directory.py" line="360"/>
        <source>каб. {0}</source>
        <translation>room {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/directory.py" line="69"/>
        <location filename="../ui/desk/directory.py" line="362"/>
        <source>{0} эт.</source>
        <translation>floor {0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../ui/desk/messages.py" line="33"/>
        <source>Выберите другое время или другой день приёма.</source>
        <translation>Choose another time or another day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="34"/>
        <source>У пациента уже есть запись на эту специальность. Найдите существующую запись и при необходимости отмените её, прежде чем записывать снова.</source>
        <translation>The patient already has an appointment for this specialty. Find the existing appointment and cancel it if needed before booking again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="39"/>
        <source>Детская поликлиника не принимает пациентов старше 18 лет. Выберите другую поликлинику.</source>
        <translation>A children&apos;s clinic does not see patients over 18. Choose another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="44"/>
        <source>Врач не принимает пациентов этого возраста. Выберите другого врача или другую поликлинику.</source>
        <translation>The doctor does not see patients of this age. Choose another doctor or another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="49"/>
        <source>Запись запрещена правилами регистратуры для этого пациента. Действуйте по правилам вашей регистратуры (например, запись через заведующего или по направлению).</source>
        <translation>Reception rules do not allow booking this patient. Follow your reception&apos;s procedure (for example, booking through the head of department or by referral).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="55"/>
        <source>Не выбран врач или дата. Проверьте выбор врача и даты и повторите запись.</source>
        <translation>No doctor or date selected. Check the doctor and date, then book again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="60"/>
        <source>Исправьте данные записи и повторите попытку.</source>
        <translation>Correct the booking details and try again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="67"/>
        <source>Ответ сервера: «{0}»</source>
        <translation>Server response: “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="70"/>
        <location filename="../ui/desk/messages.py" line="171"/>
        <location filename="../ui/desk/messages.py" line="594"/>
        <source>Код: {0}</source>
        <translation>Code: {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="104"/>
        <source>Талон не записан в журнал смены</source>
        <translation>Slip not saved to the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="105"/>
        <source>Пациент записан, талон на экране. Но записать талон в журнал смены не удалось (диск заполнен или файл журнала занят).</source>
        <translation>The patient is booked and the slip is on screen. But the slip could not be saved to the shift journal (the disk is full or the journal file is in use).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="111"/>
        <source>Напечатайте талон сейчас. Программа повторит запись в журнал перед следующей записью; освободите место на диске или сообщите в ИТ-отдел.</source>
        <translation>Print the slip now. The program will retry saving it before the next booking; free some disk space or tell the IT department.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="122"/>
        <source>Запись, вероятно, создана</source>
        <translation>The booking was probably created</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="123"/>
        <source>Сервер подтвердил запрос на запись, но его ответ не удалось прочитать, поэтому талон показать нельзя. Запись, скорее всего, СОЗДАНА.</source>
        <translation>The server confirmed the booking request, but its answer could not be read, so no slip can be shown. The booking was most likely CREATED.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="132"/>
        <source>Запрос на запись был отправлен, но вместо ответа регистратуры пришла ошибка шлюза или сервера. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but a gateway or server error came back instead of the registry&apos;s answer. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="137"/>
        <source>Запрос на запись был отправлен, но программа не смогла обработать ответ. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but the program could not process the answer. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="169"/>
        <source>Сервер отказал в записи.</source>
        <translation>The server refused the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="168"/>
        <source>Запись не создана</source>
        <translation>Booking not created</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="183"/>
        <location filename="../ui/desk/messages.py" line="354"/>
        <location filename="../ui/desk/messages.py" line="561"/>
        <source>Токен отклонён</source>
        <translation>Token rejected</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="184"/>
        <source>Сервер не принял токен пациента: он неверный или срок его действия истёк. Запись не создана.</source>
        <translation>The server did not accept the patient token: it is invalid or has expired. The booking was not created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="179"/>
        <location filename="../ui/desk/messages.py" line="357"/>
        <source>Получите новый токен и вставьте его в поле «Токен».</source>
        <translation>Get a new token and paste it into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="316"/>
        <source>Непонятный ответ сервера</source>
        <translation>Unexpected server response</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="145"/>
        <source>Результат записи неизвестен</source>
        <translation>Booking outcome unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="148"/>
        <source>Запрос на запись был отправлен, но ответ сервера не получен или не прочитан. Запись МОГЛА быть создана, а могла и нет.</source>
        <translation>The booking request was sent, but the server&apos;s response was not received or could not be read. The booking MAY or may not have been created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="85"/>
        <source>Прежде чем записывать пациента снова, проверьте, есть ли у него запись (в МИС или по телефону регистратуры поликлиники). Повторно запрос автоматически не отправлялся.</source>
        <translation>Before booking the patient again, check whether they already have an appointment (in the MIS or by phoning the clinic&apos;s reception). The request was not resent automatically.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="317"/>
        <source>Сервер ответил что-то неожиданное, и программа не смогла это прочитать.</source>
        <translation>The server sent an unexpected reply that the program could not read.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="320"/>
        <source>Повторите позже. Подробности записаны в журнал программы{0}.</source>
        <translation>Try again later. Details were written to the program log{0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="327"/>
        <location filename="../ui/desk/messages.py" line="582"/>
        <source>Поликлиника недоступна</source>
        <translation>Clinic unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="333"/>
        <source>Повторите через несколько минут или выберите другую поликлинику.</source>
        <translation>Try again in a few minutes or choose another clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="291"/>
        <source>Сертификат сервера не доверенный</source>
        <translation>Server certificate not trusted</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="292"/>
        <source>Защищённое соединение не установлено: сертификат сервера не подтверждён этим компьютером. Ничего не отправлено.</source>
        <translation>No secure connection: this computer could not verify the server&apos;s certificate. Nothing was sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="297"/>
        <source>Обратитесь в ИТ-отдел: нужно установить корневой сертификат (например, Минцифры) или указать файл сертификата в настройках.</source>
        <translation>Contact your IT department: a root certificate (for example, the Russian Ministry of Digital Development&apos;s) must be installed, or a certificate file set in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="306"/>
        <location filename="../ui/desk/messages.py" line="626"/>
        <source>Нет связи с сервером</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="307"/>
        <source>Не удалось связаться с сервером регистратуры. Запись не создана.</source>
        <translation>Could not connect to the booking server. The booking was not created.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="308"/>
        <source>Проверьте подключение к сети и адрес сервера в настройках, затем повторите.</source>
        <translation>Check the network connection and the server address in Settings, then try again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="342"/>
        <source>Не найдено</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="177"/>
        <source>Выберите пациента ещё раз и повторите запись.</source>
        <translation>Choose the patient again and repeat the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="345"/>
        <source>Проверьте выбор поликлиники и врача (или GUID) и адрес сервера.</source>
        <translation>Check the selected clinic and doctor (or the GUIDs) and the server address.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="209"/>
        <source>Проверьте токен</source>
        <translation>Check the token</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="197"/>
        <source>Запись не создана.</source>
        <translation>No booking was made.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="210"/>
        <source>В поле «Токен» есть символы, которых в токене не бывает (русские буквы или служебные символы). Запрос не отправлялся.</source>
        <translation>The “Token” field contains characters a token never has (Cyrillic letters or control characters). Nothing was sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="215"/>
        <source>Скопируйте токен заново целиком и вставьте его в поле «Токен».</source>
        <translation>Copy the whole token again and paste it into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="222"/>
        <location filename="../ui/desk/messages.py" line="606"/>
        <source>Журнал смены недоступен</source>
        <translation>Shift journal unavailable</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="223"/>
        <source>Попытку записи не удалось сохранить в журнале смены, поэтому запрос не отправлялся. Запись не создана.</source>
        <translation>The booking attempt could not be saved to the shift journal, so nothing was sent. No booking was made.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="229"/>
        <source>Освободите место на диске или закройте другую копию программы, затем повторите. Если не помогает, обратитесь в ИТ-отдел.</source>
        <translation>Free some disk space or close the other copy of the program, then try again. If that does not help, contact the IT department.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="244"/>
        <source>GUID поликлиники указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</source>
        <translation>Invalid clinic GUID: the format must be xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="248"/>
        <source>GUID врача указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</source>
        <translation>Invalid doctor GUID: the format must be xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="252"/>
        <source>Дата приёма уже прошла. Выберите сегодняшний или будущий день.</source>
        <translation>The appointment date has passed. Choose today or a future day.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="256"/>
        <source>Не выбран учебный пациент. Выберите пациента.</source>
        <translation>No training patient chosen. Choose a patient.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="258"/>
        <source>Не указан токен пациента. Вставьте токен в поле «Токен».</source>
        <translation>No patient token. Paste the token into the “Token” field.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="263"/>
        <source>Проверьте данные</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="264"/>
        <source>Данные записи заполнены неверно.</source>
        <translation>The booking details are incorrect.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="265"/>
        <source>Запрос не отправлялся.</source>
        <translation>The request was not sent.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="328"/>
        <source>Сервер регистратуры или система поликлиники сейчас недоступны.</source>
        <translation>The registry server or the clinic&apos;s system is unavailable right now.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="343"/>
        <source>Сервер не нашёл поликлинику, врача или адрес запроса.</source>
        <translation>The server did not find the clinic, the doctor or the request address.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="355"/>
        <source>Сервер не принял токен: он неверный или срок его действия истёк.</source>
        <translation>The server did not accept the token: it is wrong or has expired.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="363"/>
        <source>Сервер отказал в выполнении запроса.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="372"/>
        <source>Повторите поиск через минуту. Если не помогает, получите токен пациента в сервисе авторизации и вставьте его: «Вставить токен…».</source>
        <translation>Search again in a minute. If that does not help, get the patient token from the authorization service and paste it: “Paste token…”.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="390"/>
        <source>Пациент не найден: ошибка программы</source>
        <translation>Patient not found: program error</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="391"/>
        <source>При поиске пациента в программе произошла ошибка.</source>
        <translation>An error occurred in the program while searching for the patient.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="399"/>
        <source>Пациент не найден</source>
        <translation>Patient not found</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="400"/>
        <source>Сервис авторизации не нашёл пациента с такими данными.</source>
        <translation>The authorization service found no patient with these details.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="405"/>
        <source>Проверьте номер полиса и дату рождения; попросите у пациента документ (полис ОМС или выписку с ЕНП) и сверьте цифры.</source>
        <translation>Check the policy number and date of birth; ask the patient for a document (the OMS policy or an ENP statement) and compare the digits.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="415"/>
        <source>Найдите пациента по номеру полиса ОМС: по фамилии и дате рождения его не отличить от другого.</source>
        <translation>Find the patient by OMS policy number: the surname and date of birth match someone else too.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="421"/>
        <source>Обратитесь в регистратуру поликлиники: карты пациента нужно объединить в МИС.</source>
        <translation>Contact the clinic&apos;s reception: the patient&apos;s records must be merged in the MIS.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="428"/>
        <source>Найдено несколько карт</source>
        <translation>Several records found</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="429"/>
        <source>Этим данным соответствует больше одной карты пациента.</source>
        <translation>These details match more than one patient record.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="435"/>
        <source>Проверьте данные пациента</source>
        <translation>Check the patient details</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="436"/>
        <source>Данные пациента указаны в неверном формате.</source>
        <translation>The patient details are in the wrong format.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="438"/>
        <source>Полис ОМС (ЕНП) — 16 цифр, дата рождения — ДД.ММ.ГГГГ. Исправьте и нажмите Enter.</source>
        <translation>OMS policy (ENP): 16 digits; date of birth: DD.MM.YYYY. Correct them and press Enter.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="449"/>
        <source>Нет связи с сервисом авторизации</source>
        <translation>Cannot reach the authorization service</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="450"/>
        <source>Не удалось связаться с сервисом авторизации. Пациент не найден.</source>
        <translation>Could not connect to the authorization service. The patient was not found.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="454"/>
        <source>Сервис авторизации не ответил</source>
        <translation>The authorization service did not answer</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="455"/>
        <source>Сервис авторизации сейчас недоступен или ответил непонятно.</source>
        <translation>The authorization service is unavailable right now or sent an unclear answer.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="462"/>
        <source>Сначала выберите поликлинику</source>
        <translation>Choose a clinic first</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="463"/>
        <source>Сначала выберите поликлинику: токен пациента выдаётся для одной поликлиники.</source>
        <translation>Choose a clinic first: a patient token is issued for one clinic.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="477"/>
        <source>Отменить запись?</source>
        <translation>Cancel the booking?</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="478"/>
        <source>Отменить запись {0}?</source>
        <translation>Cancel the booking {0}?</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="479"/>
        <source>Причина: {0}. Отмену нельзя вернуть: время приёма освободится.</source>
        <translation>Reason: {0}. A cancellation cannot be undone: the appointment time will be freed.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="488"/>
        <source>&amp;Отменить запись</source>
        <translation>&amp;Cancel booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="489"/>
        <source>&amp;Не отменять</source>
        <translation>&amp;Don&apos;t cancel</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="501"/>
        <location filename="../ui/desk/messages.py" line="506"/>
        <source>Запись отменена</source>
        <translation>Booking cancelled</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="502"/>
        <source>Запись отменена. Время приёма освободилось.</source>
        <translation>Booking cancelled. The appointment time is free again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="507"/>
        <source>Запись отменена, но отметить это в журнале смены не удалось (диск заполнен или файл журнала занят).</source>
        <translation>The booking was cancelled, but this could not be recorded in the shift journal (the disk is full or the journal file is in use).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="512"/>
        <source>Не отменяйте эту запись повторно.</source>
        <translation>Do not cancel this booking again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="517"/>
        <source>Результат отмены неизвестен</source>
        <translation>Cancellation outcome unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="518"/>
        <source>Результат отмены неизвестен — проверьте в регистратуре/МИС, не отменяйте повторно без проверки.</source>
        <translation>Cancellation outcome unknown — check with the reception or in the MIS; do not cancel again without checking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="524"/>
        <source>Запрос на отмену был отправлен, но ответ сервера не получен или не прочитан. Повторно он автоматически не отправлялся.</source>
        <translation>The cancellation request was sent, but the server&apos;s response was not received or could not be read. It was not resent automatically.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="540"/>
        <source>Запись не отменена.</source>
        <translation>The booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="544"/>
        <source>Отменить нельзя</source>
        <translation>Cannot cancel</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="545"/>
        <source>Время приёма уже прошло — отменить нельзя.</source>
        <translation>The appointment time has already passed — it cannot be cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="551"/>
        <source>Запись неактивна</source>
        <translation>Booking inactive</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="552"/>
        <source>Запись уже отменена или неактивна.</source>
        <translation>The booking is already cancelled or inactive.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="554"/>
        <source>Проверьте запись в МИС; отменять её повторно не нужно.</source>
        <translation>Check the booking in the MIS; there is no need to cancel it again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="562"/>
        <source>Сервер не принял токен пациента для этой записи: он другого пациента или срок его действия истёк. Запись не отменена.</source>
        <translation>The server did not accept the patient token for this booking: it belongs to another patient or has expired. The booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="568"/>
        <source>Найдите пациента этой записи заново и повторите отмену.</source>
        <translation>Find the patient of this booking again and repeat the cancellation.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="575"/>
        <source>Запись не найдена</source>
        <translation>Booking not found</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="576"/>
        <source>Сервер не нашёл этот талон. Запись не отменена.</source>
        <translation>The server did not find this slip. The booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="577"/>
        <source>Проверьте запись в МИС.</source>
        <translation>Check the booking in the MIS.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="583"/>
        <source>Сервер регистратуры или система поликлиники сейчас недоступны. Запись не отменена.</source>
        <translation>The registry server or the clinic&apos;s system is unavailable right now. The booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="588"/>
        <source>Повторите отмену через несколько минут.</source>
        <translation>Try cancelling again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="592"/>
        <source>Сервер отказал в отмене</source>
        <translation>Server refused the cancellation</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="593"/>
        <source>Сервер отказал в отмене записи.</source>
        <translation>The server refused to cancel the booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="602"/>
        <source>Запрос на отмену не отправлялся, запись не отменена.</source>
        <translation>The cancellation request was not sent; the booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="607"/>
        <source>Отмену не удалось записать в журнал смены, поэтому запрос не отправлялся. Запись не отменена.</source>
        <translation>The cancellation could not be saved to the shift journal, so nothing was sent. The booking was not cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="613"/>
        <source>Освободите место на диске или закройте другую копию программы, затем повторите.</source>
        <translation>Free some disk space or close the other copy of the program, then try again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="627"/>
        <source>Не удалось связаться с сервером регистратуры.</source>
        <translation>Could not connect to the booking server.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="630"/>
        <source>Проверьте подключение к сети и повторите отмену.</source>
        <translation>Check the network connection and try cancelling again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="635"/>
        <source>В токене пациента есть недопустимые символы.</source>
        <translation>The patient token contains invalid characters.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="637"/>
        <source>У этой записи нет номера (GUID) талона или он не совпадает с журналом: отменить её из программы нельзя. Отмените запись в МИС.</source>
        <translation>This booking has no slip number (GUID), or it does not match the journal: it cannot be cancelled from the program. Cancel the booking in the MIS.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="643"/>
        <source>Пациент не найден: сначала найдите пациента этой записи.</source>
        <translation>Patient not found: first find the patient of this booking.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="645"/>
        <source>Эта запись в журнале смены уже не активна (отменена или изменилась).</source>
        <translation>This shift journal entry is no longer active (it was cancelled or has changed).</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="649"/>
        <source>Данные для отмены указаны неверно.</source>
        <translation>The cancellation details are incorrect.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="650"/>
        <source>Отмена не отправлена</source>
        <translation>Cancellation not sent</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="680"/>
        <source>талон № {0}</source>
        <translation>slip No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="692"/>
        <source>запись из журнала смены</source>
        <translation>booking from the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="704"/>
        <source>У пациента уже есть запись</source>
        <translation>The patient already has a booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="705"/>
        <source>По журналу смены у этого пациента уже есть запись на эту специальность в этот день:</source>
        <translation>According to the shift journal, this patient already has a booking for this specialty on this day:</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="710"/>
        <source>Вторая запись к тому же специалисту обычно ошибка. Если пациента записали не туда, отмените ту запись из журнала смены.</source>
        <translation>A second booking with the same specialist is usually a mistake. If the patient was booked to the wrong place, cancel that booking from the shift journal.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="719"/>
        <source>Показать запись</source>
        <translation>Show the booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="720"/>
        <source>Записать всё равно</source>
        <translation>Book anyway</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="721"/>
        <source>Не записывать</source>
        <translation>Don&apos;t book</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="732"/>
        <source>выбранная поликлиника</source>
        <translation>the chosen clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="736"/>
        <source>Статус поликлиники давно не обновлялся</source>
        <translation>Clinic status is out of date</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="737"/>
        <source>Статус поликлиники давно не обновлялся: неизвестно, принимает ли «{0}» записи сейчас.</source>
        <translation>The clinic status has not been updated for a long time: it is not known whether “{0}” accepts bookings now.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="742"/>
        <source>Запись может не дойти до поликлиники. Отправить её всё равно?</source>
        <translation>The booking may not reach the clinic. Send it anyway?</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="750"/>
        <source>Поликлиника не в сети</source>
        <translation>Clinic offline</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="751"/>
        <source>Поликлиника не в сети: система «{0}» сейчас не связана с регистратурой.</source>
        <translation>The clinic is offline: the system of “{0}” is not connected to the registry right now.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="755"/>
        <source>Запись, скорее всего, будет отклонена или её результат останется неизвестным. Отправить её всё равно?</source>
        <translation>The booking will most likely be refused or its outcome will stay unknown. Send it anyway?</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="764"/>
        <source>Отправить всё равно</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="765"/>
        <source>Не отправлять</source>
        <translation>Don&apos;t send</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="362"/>
        <source>Сервер отказал</source>
        <translation>Server refused</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="277"/>
        <source>Непредвиденная ошибка</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="278"/>
        <source>В программе произошла непредвиденная ошибка. Данные формы сохранены.</source>
        <translation>An unexpected error occurred in the program. The form data has been kept.</translation>
    </message>
    <message>
        <location filename="../ui/desk/messages.py" line="79"/>
        <source>Подробности записаны в журнал программы{0}.</source>
        <translation>Details were written to the program log{0}.</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message>
        <location filename="../training/exercises.py" line="54"/>
        <source>Запись не создана</source>
        <translation>Booking not created</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="55"/>
        <source>Токен отклонён</source>
        <translation>Token rejected</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="56"/>
        <location filename="../training/exercises.py" line="462"/>
        <source>Поликлиника недоступна</source>
        <translation>Clinic unavailable</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="59"/>
        <source>В предупреждении «Возможна повторная запись» выбрано «Записать ещё раз» без проверки, есть ли у пациента запись: так у пациента могут появиться две записи.</source>
        <translation>In the “Possible duplicate booking” warning, “Book again” was chosen without checking whether the patient already has a booking: this way the patient can end up with two bookings.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="64"/>
        <source>Ответ «{title}»{code}{patient}: в этом упражнении такого ответа быть не должно.</source>
        <translation>Answer “{title}”{code}{patient}: this exercise should not produce that answer.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="69"/>
        <source>Если пациент уже записан после прошлых попыток, нажмите «Начать упражнение»: его учебные записи будут удалены, и упражнение начнётся сначала.</source>
        <translation>If the patient is already booked from earlier tries, press “Start exercise”: their training bookings will be deleted and the exercise will start over.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="128"/>
        <source>, код {0}</source>
        <translation>, code {0}</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="133"/>
        <source>, пациент {0}</source>
        <translation>, patient {0}</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="189"/>
        <source>{todo}

Пациент: {patient}
Поликлиника: {clinic}
Врач: {doctor}
День: {day}</source>
        <translation>{todo}

Patient: {patient}
Clinic: {clinic}
Doctor: {doctor}
Day: {day}</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="217"/>
        <source>{speciality} {fio}, каб. {room}</source>
        <translation>{speciality} {fio}, room {room}</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="232"/>
        <source>Запись и печать талона</source>
        <translation>Booking and printing the slip</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="234"/>
        <source>Запишите пациента, проверьте талон на экране (номер, кабинет, этаж, время) и напечатайте талон для пациента.</source>
        <translation>Book the patient, check the slip on screen (number, room, floor, time) and print the slip for the patient.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="242"/>
        <source>завтра, время не указывать</source>
        <translation>tomorrow, no time set</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="245"/>
        <source>Поиск поликлиники: наберите «ГП № 1» и нажмите Enter. Врач: наберите «хирург», Enter. В поле «Дата» клавиша «+» переключает на следующий день. Пациента выберите в списке «Пациент», затем Ctrl+Enter. Когда талон на экране, нажмите «Печать (Ctrl+P)».</source>
        <translation>Clinic search: type “ГП № 1” and press Enter. Doctor: type “хирург”, Enter. In the “Date” field the “+” key moves to the next day. Choose the patient in the “Patient” list, then Ctrl+Enter. When the slip is on screen, press “Print (Ctrl+P)”.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="262"/>
        <source>Время занято (4009)</source>
        <translation>Time taken (4009)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="264"/>
        <source>Запишите пациента на 10:00 (отметьте «Указать время») и прочитайте ответ поликлиники. Затем запишите его к тому же врачу на другое время, например на 12:00.</source>
        <translation>Book the patient for 10:00 (tick “Specify time”) and read the clinic&apos;s answer. Then book them with the same doctor at another time, for example 12:00.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="273"/>
        <source>завтра, 10:00</source>
        <translation>tomorrow, 10:00</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="276"/>
        <source>«Запись не создана», код 4009: это время уже занято, ничего не создано. Не повторяйте то же время — измените время (или день) и запишите снова.</source>
        <translation>“Booking not created”, code 4009: this time is already taken, nothing was created. Do not repeat the same time — change the time (or the day) and book again.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="296"/>
        <source>Уже есть запись (4008)</source>
        <translation>Already booked (4008)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="298"/>
        <source>Пациентка просит записать её к терапевту. Попробуйте записать её и прочитайте ответ: когда она уже записана?</source>
        <translation>The patient asks to be booked with a GP. Try to book her and read the answer: when is she already booked?</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="305"/>
        <source>любой терапевт</source>
        <translation>any GP</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="306"/>
        <location filename="../training/exercises.py" line="339"/>
        <location filename="../training/exercises.py" line="372"/>
        <location filename="../training/exercises.py" line="405"/>
        <location filename="../training/exercises.py" line="439"/>
        <location filename="../training/exercises.py" line="472"/>
        <location filename="../training/exercises.py" line="504"/>
        <location filename="../training/exercises.py" line="537"/>
        <source>завтра</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="309"/>
        <source>«Запись не создана», код 4008: у пациента уже есть активная запись к врачу этой специальности. В сообщении указаны фамилия и время той записи — сообщите их пациенту; вторую запись создать нельзя.</source>
        <translation>“Booking not created”, code 4008: the patient already has an active booking with a doctor of this specialty. The message gives the doctor&apos;s surname and the time of that booking — tell the patient; a second booking cannot be created.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="329"/>
        <source>Детская поликлиника (4005)</source>
        <translation>Children&apos;s clinic (4005)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="331"/>
        <source>Отец пациентки Алисы (сам он взрослый) просит записать его к педиатру детской поликлиники. Попробуйте записать его самого и прочитайте ответ.</source>
        <translation>The father of the patient Alisa (an adult himself) asks to be booked with a paediatrician at the children&apos;s clinic. Try to book him and read the answer.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="338"/>
        <source>любой педиатр</source>
        <translation>any paediatrician</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="342"/>
        <source>«Запись не создана», код 4005: в детскую поликлинику нельзя записать пациента старше 18 лет. Проверьте, кого записываете: ребёнка нужно выбрать в списке «Пациент», а взрослого — записать во взрослую поликлинику.</source>
        <translation>“Booking not created”, code 4005: a patient over 18 cannot be booked at a children&apos;s clinic. Check whom you are booking: choose the child in the “Patient” list, and book the adult at an adult clinic.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="362"/>
        <source>Не подходит возраст (4029)</source>
        <translation>Wrong age (4029)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="364"/>
        <source>Молодой пациент просит записать его к гериатру. Попробуйте записать его и прочитайте ответ.</source>
        <translation>A young patient asks to be booked with a geriatrician. Try to book him and read the answer.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="375"/>
        <source>«Запись не создана», код 4029: поликлиника ограничила запись к этому врачу по возрасту (гериатр принимает с 60 лет). Предложите пациенту врача без ограничения, например терапевта.</source>
        <translation>“Booking not created”, code 4029: the clinic limits bookings with this doctor by age (the geriatrician sees patients from 60). Offer the patient a doctor without the limit, for example a GP.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="395"/>
        <source>Запрет самозаписи (4007)</source>
        <translation>Self-booking banned (4007)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="397"/>
        <source>Пациент пришёл с токеном, который сам получил на интернет-портале. Попробуйте записать его и прочитайте ответ.</source>
        <translation>The patient has come with a token he got himself on the online portal. Try to book him and read the answer.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="408"/>
        <source>«Запись не создана», код 4007, «запрещена самостоятельная запись»: этому пациенту запрещено записываться самому, а его токен выдан для самозаписи (портал). Запись не создана. Действуйте по правилам вашей регистратуры, как советует сообщение (например, запись через заведующего или по направлению).</source>
        <translation>“Booking not created”, code 4007, “запрещена самостоятельная запись” (self-booking banned): this patient may not book himself, and his token was issued for self-booking (the portal). No booking was created. Follow your reception&apos;s procedure, as the message advises (for example, booking through the head of department or by referral).</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="429"/>
        <source>Только диспансерные (4007)</source>
        <translation>Follow-up patients only (4007)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="431"/>
        <source>Попробуйте записать пациента и прочитайте ответ. Сравните его с ответом из упражнения «Запрет самозаписи»: код тот же.</source>
        <translation>Try to book the patient and read the answer. Compare it with the answer in the “Self-booking banned” exercise: the code is the same.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="442"/>
        <source>У кода 4007 два разных сообщения — читайте текст, а не только код. Этот кардиолог принимает только пациентов, состоящих у него на диспансерном учёте; направьте пациента к участковому терапевту.</source>
        <translation>Code 4007 has two different messages — read the text, not just the code. This cardiologist sees only patients under his follow-up care; refer the patient to the local GP.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="464"/>
        <source>Выберите поликлинику и посмотрите на её статус под списком. Попробуйте записать пациента и прочитайте предупреждение.</source>
        <translation>Choose the clinic and look at its status under the list. Try to book the patient and read the warning.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="469"/>
        <source>любой, например {0}</source>
        <translation>anyone, for example {0}</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="475"/>
        <source>Статус «Не в сети» под поликлиникой значит, что её информационная система сейчас недоступна. Перед отправкой программа предупредит об этом: выберите «Не отправлять»: отправленная запись получила бы ответ «Поликлиника недоступна» и не была бы создана. Попробуйте позже или запишите пациента по телефону поликлиники.</source>
        <translation>The “Offline” status under the clinic means its information system is unavailable right now. The program warns about this before sending: choose “Don&apos;t send”, since a booking sent now would get the answer “Clinic unavailable” and would not be created. Try later or book the patient by phoning the clinic.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="493"/>
        <source>Истёк токен пациента (5009)</source>
        <translation>Patient token expired (5009)</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="495"/>
        <source>Нажмите «Начать упражнение»: следующий токен этой пациентки будет уже просроченным. Запишите её и прочитайте ответ. Затем запишите её ещё раз — с новым токеном.</source>
        <translation>Press “Start exercise”: this patient&apos;s next token will already be expired. Book her and read the answer. Then book her again — with a new token.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="507"/>
        <source>«Токен отклонён» (код 5009, «Подпись запроса некорректна»): токен пациента просрочен или неверен; запись не создана. На работе нужно получить у пациента новый токен. Здесь выберите пациентку в списке «Пациент» ещё раз и повторите запись (Ctrl+Enter): новый токен выдаётся сам.</source>
        <translation>“Token rejected” (code 5009, “Подпись запроса некорректна”, the request signature is invalid): the patient token has expired or is wrong; no booking was created. At work, get a new token from the patient. Here, choose the patient in the “Patient” list again and repeat the booking (Ctrl+Enter): a new token is issued automatically.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="525"/>
        <source>Обрыв связи при записи</source>
        <translation>Connection lost while booking</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="527"/>
        <source>Нажмите «Начать упражнение»: при следующей записи связь оборвётся. Запишите пациентку и прочитайте сообщение. Затем попробуйте записать её к тому же врачу на тот же день ещё раз и правильно ответьте на предупреждение.</source>
        <translation>Press “Start exercise”: the connection will drop during the next booking. Book the patient and read the message. Then try to book her with the same doctor on the same day again and answer the warning correctly.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="540"/>
        <source>«Результат записи неизвестен»: запись могла быть создана. Повторная запись может создать вторую запись. В предупреждении «Возможна повторная запись» нажмите «Отмена» и сначала проверьте, есть ли у пациента запись.</source>
        <translation>“Booking outcome unknown”: the booking may have been created. Booking again may create a second booking. In the “Possible duplicate booking” warning, press “Cancel” and first check whether the patient already has a booking.</translation>
    </message>
    <message>
        <location filename="../training/exercises.py" line="559"/>
        <source>Пациент записан повторно без проверки: так могут появиться две записи. Начните упражнение заново и в предупреждении «Возможна повторная запись» нажмите «Отмена».</source>
        <translation>The patient was booked again without checking: this can create two bookings. Start the exercise over and press “Cancel” in the “Possible duplicate booking” warning.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../ui/desk/help.py" line="50"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>JournalController</name>
    <message>
        <location filename="../ui/journal/controller.py" line="112"/>
        <source>Напишите коротко, что выяснили: например, «запись есть, талон № 12» или «записи нет».</source>
        <translation>Briefly note what you found, e.g. “booked, slip No. 12” or “no booking”.</translation>
    </message>
    <message>
        <location filename="../ui/journal/controller.py" line="122"/>
        <source>Эту запись уже отметили или она изменилась. Список обновлён.</source>
        <translation>This entry has already been marked or has changed. The list has been refreshed.</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <location filename="../ui/journal/model.py" line="192"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="193"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="194"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="195"/>
        <source>Врач</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="196"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="197"/>
        <source>№ талона</source>
        <translation>Slip No.</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="198"/>
        <source>Печать</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="208"/>
        <source>{0} (учебная)</source>
        <translation>{0} (training)</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../ui/journal/model.py" line="45"/>
        <source>записан</source>
        <translation>booked</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="47"/>
        <source>отказ</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="49"/>
        <source>результат неизвестен</source>
        <translation>outcome unknown</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="51"/>
        <source>проверено</source>
        <translation>checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="53"/>
        <source>отправляется</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="55"/>
        <source>отменена</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="65"/>
        <source>{0}, отмена отправляется</source>
        <translation>{0}, cancellation being sent</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="67"/>
        <source>{0}, отмена не подтверждена</source>
        <translation>{0}, cancellation not confirmed</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="69"/>
        <source>{0}, в отмене отказано</source>
        <translation>{0}, cancellation refused</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="94"/>
        <location filename="../ui/journal/model.py" line="102"/>
        <source>кабинет</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="96"/>
        <source>оборудование</source>
        <translation>equipment</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="97"/>
        <source>врач</source>
        <translation>doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="99"/>
        <source>дата</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="100"/>
        <source>время</source>
        <translation>time</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="101"/>
        <source>специальность</source>
        <translation>speciality</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="103"/>
        <source>этаж</source>
        <translation>floor</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="104"/>
        <source>поликлиника</source>
        <translation>clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="105"/>
        <source>адрес</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="106"/>
        <source>телефон</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../ui/journal/model.py" line="131"/>
        <source>* Дополнено по данным записи: {0}. Сервер этих данных не прислал; на талоне они отмечены «*».</source>
        <translation>* Filled in from the booking request: {0}. The server did not send these details; they are marked “*” on the slip.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="98"/>
        <location filename="../ui/journal/view.py" line="99"/>
        <location filename="../ui/platform/app.py" line="431"/>
        <source>Журнал смены</source>
        <translation>Shift journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="120"/>
        <source>Поиск в журнале</source>
        <translation>Search the journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="121"/>
        <source>поликлиника, врач, пациент или № талона</source>
        <translation>clinic, doctor, patient or slip No.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="123"/>
        <source>Пои&amp;ск:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="125"/>
        <source>&amp;Вся история</source>
        <translation>&amp;All history</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="127"/>
        <source>Показать всю историю, не только смену</source>
        <translation>Show all history, not just this shift</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="129"/>
        <source>Показать записи за все хранимые дни, а не только за сегодня</source>
        <translation>Show entries for all stored days, not just today</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="131"/>
        <source>О&amp;бновить</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="133"/>
        <source>Обновить журнал</source>
        <translation>Refresh the journal</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="144"/>
        <source>Записи журнала</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="178"/>
        <source>Подробности записи</source>
        <translation>Entry details</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="193"/>
        <source>Что выяснили при проверке</source>
        <translation>What the check found</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="195"/>
        <source>например: запись есть в МИС, талон № 12 / записи нет</source>
        <translation>e.g. booked in the MIS, slip No. 12 / no booking</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="198"/>
        <source>&amp;Что выяснили:</source>
        <translation>&amp;Findings:</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="200"/>
        <source>Со&amp;хранить отметку</source>
        <translation>Sa&amp;ve note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="202"/>
        <source>Сохранить отметку о проверке</source>
        <translation>Save the check note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="203"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="223"/>
        <source>Повторить &amp;печать</source>
        <translation>Re&amp;print</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="225"/>
        <source>Повторить печать талона</source>
        <translation>Print the slip again</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="227"/>
        <source>&amp;Отметить как проверенную</source>
        <translation>&amp;Mark as checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="230"/>
        <source>Отметить запись с неизвестным результатом как проверенную</source>
        <translation>Mark the entry with an unknown outcome as checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="232"/>
        <source>Отменить &amp;запись…</source>
        <translation>Cancel &amp;booking…</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="234"/>
        <source>Отменить выбранную запись</source>
        <translation>Cancel the selected booking</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="236"/>
        <source>Список на &amp;день…</source>
        <translation>&amp;Day list…</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="238"/>
        <source>Список записанных на день по врачам</source>
        <translation>Bookings for the day, by doctor</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="241"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="327"/>
        <source>Ничего не найдено.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="329"/>
        <source>В журнале нет записей.</source>
        <translation>The journal is empty.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="331"/>
        <source>За эту смену записей нет.</source>
        <translation>No entries this shift.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="335"/>
        <source>Показаны последние {0} записей — уточните поиск.</source>
        <translation>Showing the last {0} entries — refine your search.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="338"/>
        <source>Записей: {0}</source>
        <translation>Entries: {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="360"/>
        <source>Выберите запись, чтобы увидеть подробности.</source>
        <translation>Select an entry to see its details.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="379"/>
        <source>{0} — учебная запись, не настоящая</source>
        <translation>{0} — training entry, not real</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="380"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="381"/>
        <source>Попытка записи</source>
        <translation>Booking attempt</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="383"/>
        <source>Изменено</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="384"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="385"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="386"/>
        <source>Врач или кабинет</source>
        <translation>Doctor or room</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="390"/>
        <source>Запрошенный день</source>
        <translation>Requested day</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="394"/>
        <location filename="../ui/journal/view.py" line="412"/>
        <source>Номер талона</source>
        <translation>Slip number</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="399"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="400"/>
        <source>Кабинет</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="401"/>
        <source>Этаж</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="403"/>
        <source>Врач по талону</source>
        <translation>Doctor on slip</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="404"/>
        <source>Тип приёма</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="407"/>
        <source>Поликлиника по талону</source>
        <translation>Clinic on slip</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="409"/>
        <source>Кем записано</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="410"/>
        <source>GUID талона</source>
        <translation>Slip GUID</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="415"/>
        <source>Напечатано</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="416"/>
        <source>{0} раз(а), последний — {1}</source>
        <translation>{0} time(s), last on {1}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="420"/>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="421"/>
        <source>Код ошибки</source>
        <translation>Error code</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="425"/>
        <source>Для поддержки</source>
        <translation>For support</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="428"/>
        <source>Почему результат неизвестен</source>
        <translation>Why the outcome is unknown</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="431"/>
        <source>Отметка о проверке</source>
        <translation>Check note</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="432"/>
        <source>Проверено</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="433"/>
        <source>Причина отмены</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="434"/>
        <source>Отменена</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="435"/>
        <source>Отмена: ответ сервера</source>
        <translation>Cancellation: server response</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="449"/>
        <source>Ответ сервера не получен: запись могла быть создана. Проверьте её в регистратуре, прежде чем записывать пациента снова, и отметьте результат.</source>
        <translation>No response from the server: the booking may have been created. Check with the clinic&apos;s reception before booking the patient again, and record the outcome.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="456"/>
        <source>Запись отменена: талон недействителен.</source>
        <translation>Booking cancelled: the slip is no longer valid.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="462"/>
        <source>Результат отмены неизвестен — проверьте в регистратуре/МИС, не отменяйте повторно без проверки.</source>
        <translation>Cancellation outcome unknown — check with the reception or in the MIS; do not cancel again without checking.</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="471"/>
        <source>Дополнено по данным записи: {0}</source>
        <translation>Filled in from the booking request: {0}</translation>
    </message>
    <message>
        <location filename="../ui/journal/view.py" line="474"/>
        <source>Сервер не прислал эти данные; талон заполнен тем, что выбрал регистратор, и они отмечены на нём «*».</source>
        <translation>The server did not send these details; the slip was filled in with what the operator chose, and they are marked “*” on it.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/desk/window.py" line="315"/>
        <source>УЧЕБНЫЙ РЕЖИМ — записи не настоящие</source>
        <translation>TRAINING MODE — bookings are not real</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="349"/>
        <source>Напечатать талон</source>
        <translation>Print the slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="355"/>
        <source>Печать с выбором принтера</source>
        <translation>Choose a printer and print</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="356"/>
        <source>Пр&amp;осмотр</source>
        <translation>Previe&amp;w</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="358"/>
        <source>Предварительный просмотр талона</source>
        <translation>Preview the slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="362"/>
        <source>Сохранить талон в PDF</source>
        <translation>Save the slip as PDF</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="365"/>
        <source>Новая запись</source>
        <translation>New booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="553"/>
        <source>УЧЕБНЫЙ РЕЖИМ</source>
        <translation>TRAINING MODE</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="553"/>
        <source>рабочий режим</source>
        <translation>live mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="554"/>
        <source>Запись вне расписания — {0}</source>
        <translation>Unscheduled booking — {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="588"/>
        <source>&amp;Записать</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="626"/>
        <source>Печать с &amp;выбором принтера…	Ctrl+Shift+P</source>
        <translation>Print with printer &amp;selection…	Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="363"/>
        <source>&amp;Новая запись (F2)</source>
        <translation>&amp;New booking (F2)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="347"/>
        <source>Пе&amp;чать (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="352"/>
        <source>Печать с в&amp;ыбором…</source>
        <translation>Pr&amp;int…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="353"/>
        <source>Выбрать принтер и напечатать (Ctrl+Shift+P)</source>
        <translation>Choose a printer and print (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="360"/>
        <source>PDF-&amp;файл…</source>
        <translation>PDF &amp;file…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="367"/>
        <source>Отменить запись…</source>
        <translation>Cancel booking…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="369"/>
        <source>Отменить запись на приём</source>
        <translation>Cancel the appointment booking</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="407"/>
        <source>Режим работы</source>
        <translation>Operating mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="579"/>
        <source>Учебный режим · встроенная песочница</source>
        <translation>Training mode · built-in sandbox</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="582"/>
        <source>Рабочий режим · сервер не указан</source>
        <translation>Live mode · no server set</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="583"/>
        <source>Рабочий режим · {0}</source>
        <translation>Live mode · {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="586"/>
        <source>Запис&amp;ь</source>
        <translation>Boo&amp;king</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="590"/>
        <source>Нов&amp;ая запись (F2)</source>
        <translation>&amp;New booking (F2)</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="591"/>
        <source>&amp;Обновить справочник</source>
        <translation>&amp;Refresh clinic list</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="592"/>
        <source>Ввод &amp;GUID вручную</source>
        <translation>Enter &amp;GUID manually</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="594"/>
        <source>&amp;Журнал смены…</source>
        <translation>Shift &amp;journal…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="596"/>
        <source>Список на &amp;день…</source>
        <translation>&amp;Day list…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="599"/>
        <source>&amp;Настройки…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="600"/>
        <source>В&amp;ыход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="611"/>
        <source>Ре&amp;жим</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="614"/>
        <source>Перейти в &amp;рабочий режим…</source>
        <translation>Switch to &amp;live mode…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="616"/>
        <source>Перейти в &amp;учебный режим…</source>
        <translation>Switch to &amp;training mode…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="622"/>
        <source>Т&amp;алон</source>
        <translation>S&amp;lip</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="624"/>
        <source>&amp;Печать на принтер по умолчанию	Ctrl+P</source>
        <translation>&amp;Print to default printer	Ctrl+P</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="628"/>
        <source>Пре&amp;дварительный просмотр</source>
        <translation>Print pre&amp;view</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="629"/>
        <source>Сохранить в PD&amp;F…</source>
        <translation>Save as PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="638"/>
        <source>&amp;Отменить запись…</source>
        <translation>&amp;Cancel booking…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="643"/>
        <source>Сп&amp;равка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="645"/>
        <source>&amp;Горячие клавиши	F1</source>
        <translation>&amp;Keyboard shortcuts	F1</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="647"/>
        <source>&amp;О программе…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="884"/>
        <source>Сейчас: учебный режим, встроенная песочница — записи не настоящие.</source>
        <translation>Now: training mode, built-in sandbox — bookings are not real.</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="886"/>
        <source>Сейчас: рабочий режим, сервер {0}.</source>
        <translation>Now: live mode, server {0}.</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="887"/>
        <source>не указан</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../ui/desk/window.py" line="754"/>
        <source>Печать талона…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="477"/>
        <source>Рабочий режим</source>
        <translation>Live mode</translation>
    </message>
    <message>
        <location filename="../ui/platform/app.py" line="314"/>
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
    <name>PatientBlock</name>
    <message>
        <location filename="../ui/desk/patient_block.py" line="263"/>
        <source>Полис ОМС (ЕНП), 16 цифр</source>
        <translation>OMS policy (ENP), 16 digits</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="264"/>
        <source>16 цифр, можно с пробелами</source>
        <translation>16 digits, spaces allowed</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="275"/>
        <source>Поли&amp;с ОМС (ЕНП):</source>
        <translation>OMS polic&amp;y (ENP):</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="285"/>
        <source>Фамилия пациента</source>
        <translation>Patient&apos;s surname</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="286"/>
        <source>если нет полиса</source>
        <translation>if there is no policy</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="288"/>
        <source>&amp;Фамилия:</source>
        <translation>&amp;Surname:</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="294"/>
        <source>Дата рождения, ДД.ММ.ГГГГ</source>
        <translation>Date of birth, DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="296"/>
        <source>ДД.ММ.ГГГГ — точки ставятся сами</source>
        <translation>DD.MM.YYYY — the dots are added automatically</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="302"/>
        <source>Дата рождени&amp;я:</source>
        <translation>Date &amp;of birth:</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="316"/>
        <source>Найденный пациент</source>
        <translation>Patient found</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="317"/>
        <source>Вставить то&amp;кен…</source>
        <translation>Paste &amp;token…</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="319"/>
        <source>Вставить токен пациента вручную</source>
        <translation>Paste the patient token manually</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="331"/>
        <source>Токен пациента</source>
        <translation>Patient token</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="333"/>
        <source>вставьте токен (Ctrl+V) и нажмите Enter</source>
        <translation>paste the token (Ctrl+V) and press Enter</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="334"/>
        <source>Токен:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="454"/>
        <source>Токен отклонён — найдите пациента снова.</source>
        <translation>Token rejected — find the patient again.</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="506"/>
        <source>{0} из 16 цифр</source>
        <translation>{0} of 16 digits</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="509"/>
        <source>Полис — 16 цифр, введено {0}</source>
        <translation>The policy has 16 digits; {0} entered</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="522"/>
        <source>Введите дату рождения: ДД.ММ.ГГГГ</source>
        <translation>Enter the date of birth: DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="524"/>
        <source>Нет такой даты рождения — проверьте цифры</source>
        <translation>No such date of birth — check the digits</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="581"/>
        <source>Введите полис ОМС или фамилию</source>
        <translation>Enter the OMS policy or the surname</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="583"/>
        <source>Введите полис ОМС (16 цифр)</source>
        <translation>Enter the OMS policy (16 digits)</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="607"/>
        <source>Токен вставлен вручную</source>
        <translation>Token pasted manually</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="656"/>
        <source>Поиск пациента…</source>
        <translation>Searching for the patient…</translation>
    </message>
    <message>
        <location filename="../ui/desk/patient_block.py" line="665"/>
        <source>Пациент не найден</source>
        <translation>Patient not found</translation>
    </message>
</context>
<context>
    <name>SearchPicker</name>
    <message>
        <location filename="../ui/desk/search_picker.py" line="513"/>
        <source>и ещё {0} — уточните поиск</source>
        <translation>and {0} more — refine your search</translation>
    </message>
    <message>
        <location filename="../ui/desk/search_picker.py" line="516"/>
        <source>показано для «{0}»</source>
        <translation>shown for “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/desk/search_picker.py" line="526"/>
        <source>загрузка…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../ui/desk/search_picker.py" line="532"/>
        <source>ничего не найдено</source>
        <translation>nothing found</translation>
    </message>
    <message>
        <location filename="../ui/desk/search_picker.py" line="534"/>
        <source>список пуст</source>
        <translation>the list is empty</translation>
    </message>
    <message>
        <location filename="../ui/desk/search_picker.py" line="551"/>
        <source>{0} из {1}: {2}</source>
        <translation>{0} of {1}: {2}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../ui/platform/session.py" line="49"/>
        <source>Загрузка упражнений…</source>
        <translation>Loading exercises…</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../ui/settings/controller.py" line="139"/>
        <source>Принтеры не найдены</source>
        <translation>No printers found</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="143"/>
        <source>Принтер по умолчанию</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="148"/>
        <source>{0} (не найден)</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="201"/>
        <source>Недопустимое значение.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="275"/>
        <source>Файл сертификата удостоверяющего центра</source>
        <translation>Certificate authority file</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="277"/>
        <source>Сертификаты (*.pem *.crt *.cer *.der);;Все файлы (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings/dialog.py" line="66"/>
        <location filename="../ui/settings/dialog.py" line="67"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="72"/>
        <source>Разделы настроек</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="83"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="87"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="143"/>
        <source>&amp;Подключение</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="148"/>
        <source>&amp;Адрес сервера:</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="151"/>
        <source>Адрес сервера регистратуры</source>
        <translation>Booking server address</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="152"/>
        <source>Только https://. Адрес http:// допустим лишь для этого компьютера.</source>
        <translation>https:// only. An http:// address is allowed only for this computer.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="154"/>
        <source>&amp;Использовать системный прокси</source>
        <translation>&amp;Use system proxy</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="156"/>
        <source>Использовать системный прокси</source>
        <translation>Use the system proxy</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="162"/>
        <source>Адрес п&amp;рокси:</source>
        <translation>Pro&amp;xy address:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="165"/>
        <source>Адрес прокси-сервера</source>
        <translation>Proxy server address</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="166"/>
        <source>Если адрес указан, системный прокси не используется.</source>
        <translation>If an address is set, the system proxy is not used.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="169"/>
        <source>не используется</source>
        <translation>not used</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="170"/>
        <source>О&amp;бзор…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="172"/>
        <source>Выбрать файл сертификата</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="178"/>
        <source>&amp;Файл сертификата УЦ:</source>
        <translation>CA ce&amp;rtificate file:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="181"/>
        <source>Файл сертификата удостоверяющего центра</source>
        <translation>Certificate authority file</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="184"/>
        <source>Дополнительный корневой сертификат (.pem, .crt, .cer). Сертификаты Windows используются всегда.</source>
        <translation>An additional root certificate (.pem, .crt, .cer). Windows certificates are always used.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="190"/>
        <source>Пе&amp;чать и вид</source>
        <translation>&amp;Printing and display</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="193"/>
        <source>По бумаге принтера (автоматически)</source>
        <translation>From the printer&apos;s paper (automatic)</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="194"/>
        <source>80 мм рулон</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="195"/>
        <source>58 мм рулон</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="196"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="197"/>
        <source>A6</source>
        <translation>A6</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="203"/>
        <source>&amp;Размер талона:</source>
        <translation>S&amp;lip size:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="206"/>
        <source>Размер талона</source>
        <translation>Slip size</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="208"/>
        <source>«Автоматически»: 58 или 80 мм по ширине бумаги, которую сообщает принтер.</source>
        <translation>“Automatic”: 58 or 80 mm by the paper width the printer reports.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="216"/>
        <source>При&amp;нтер:</source>
        <translation>Pri&amp;nter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="219"/>
        <source>Принтер для талонов</source>
        <translation>Printer for slips</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="222"/>
        <source>не печатается</source>
        <translation>not printed</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="227"/>
        <source>Напо&amp;минание на талоне:</source>
        <translation>Slip re&amp;minder:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="230"/>
        <source>Напоминание на талоне</source>
        <translation>Reminder on the slip</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="232"/>
        <source>Строка под временем приёма, например «При себе иметь полис ОМС и паспорт». Пустое поле — без напоминания.</source>
        <translation>A line under the appointment time, e.g. “Bring your OMS policy and passport”. Empty: no reminder.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="244"/>
        <source>Размер &amp;шрифта:</source>
        <translation>F&amp;ont size:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="247"/>
        <source>Размер шрифта в процентах</source>
        <translation>Font size, percent</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="256"/>
        <source>&amp;Язык интерфейса:</source>
        <translation>Interface lan&amp;guage:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="259"/>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="260"/>
        <source>Размер шрифта и язык применяются после перезапуска программы.</source>
        <translation>Font size and language take effect after the program restarts.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="263"/>
        <source>&amp;ФИО пациента и на талоне для пациента</source>
        <translation>Patient&apos;s &amp;full name on the patient&apos;s slip too</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="265"/>
        <source>Печатать пациента на талоне пациента</source>
        <translation>Print the patient&apos;s name on the patient&apos;s slip</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="270"/>
        <source>Копия регистратуры всегда печатается с пациентом; талон, который уносит пациент, — только с этой отметкой.</source>
        <translation>The reception copy always shows the patient; the slip the patient takes away shows them only when this is ticked.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="295"/>
        <source>&amp;Запись и пациент</source>
        <translation>&amp;Booking and patient</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="302"/>
        <source>Запись на &amp;сколько дней вперёд:</source>
        <translation>Book up to this many &amp;days ahead:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="305"/>
        <source>На сколько дней вперёд можно записать</source>
        <translation>How many days ahead bookings are allowed</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="307"/>
        <source>Оставлять &amp;врача при новой записи (F2)</source>
        <translation>Keep the d&amp;octor for a new booking (F2)</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="309"/>
        <source>Оставлять врача при новой записи</source>
        <translation>Keep the doctor for a new booking</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="313"/>
        <source>Поликлиника остаётся всегда; данные пациента стираются всегда.</source>
        <translation>The clinic always stays; the patient details are always cleared.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="316"/>
        <source>Искать пациента по &amp;фамилии и дате рождения</source>
        <translation>Find patients by &amp;surname and date of birth</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="320"/>
        <source>Разрешить поиск пациента по фамилии и дате рождения</source>
        <translation>Allow finding patients by surname and date of birth</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="325"/>
        <source>Только если это разрешено в вашем регионе; иначе — по полису ОМС.</source>
        <translation>Only if your region allows it; otherwise by OMS policy.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="328"/>
        <source>Запрос токена пациента (сервис авторизации)</source>
        <translation>Patient token request (authorization service)</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="333"/>
        <source>&amp;Метод запроса токена:</source>
        <translation>Token request &amp;method:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="336"/>
        <source>HTTP-метод запроса токена пациента</source>
        <translation>HTTP method of the patient token request</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="342"/>
        <source>П&amp;уть запроса токена:</source>
        <translation>Token request pa&amp;th:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="344"/>
        <source>Путь запроса токена пациента</source>
        <translation>Patient token request path</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="345"/>
        <source>Может содержать {lpu} — GUID поликлиники.</source>
        <translation>May contain {lpu}, the clinic GUID.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="349"/>
        <source>Параметр &amp;ЛПУ:</source>
        <translation>C&amp;linic parameter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="351"/>
        <source>Имя параметра GUID поликлиники</source>
        <translation>Name of the clinic GUID parameter</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="352"/>
        <source>Пусто — GUID поликлиники не передаётся.</source>
        <translation>Empty: the clinic GUID is not sent.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="356"/>
        <source>Параметр &amp;номера полиса:</source>
        <translation>Policy &amp;number parameter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="358"/>
        <source>Имя параметра номера полиса</source>
        <translation>Name of the policy number parameter</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="363"/>
        <source>Параметр даты &amp;рождения:</source>
        <translation>Bi&amp;rth date parameter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="365"/>
        <source>Имя параметра даты рождения</source>
        <translation>Name of the birth date parameter</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="366"/>
        <source>Дата передаётся как ГГГГ-ММ-ДД.</source>
        <translation>The date is sent as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="370"/>
        <source>Параметр фам&amp;илии:</source>
        <translation>S&amp;urname parameter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="372"/>
        <source>Имя параметра фамилии</source>
        <translation>Name of the surname parameter</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="377"/>
        <source>Поле с &amp;токеном в ответе:</source>
        <translation>Response field with the to&amp;ken:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="379"/>
        <source>Поле ответа, в котором токен</source>
        <translation>The response field that holds the token</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="381"/>
        <source>Пусто — искать автоматически (token, access_token, lpuToken, в том числе внутри data/result); ответ-строка читается всегда.</source>
        <translation>Empty: find it automatically (token, access_token, lpuToken, also inside data/result); a plain-string response is always read.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="386"/>
        <source>автоматически</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="391"/>
        <source>Запрос отмены записи</source>
        <translation>Booking cancellation request</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="396"/>
        <source>Метод &amp;отмены:</source>
        <translation>Cancellation m&amp;ethod:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="399"/>
        <source>HTTP-метод запроса отмены записи</source>
        <translation>HTTP method of the booking cancellation request</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="406"/>
        <source>Путь запроса отм&amp;ены:</source>
        <translation>Cancellation pat&amp;h:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="409"/>
        <source>Путь запроса отмены записи</source>
        <translation>Booking cancellation request path</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="410"/>
        <source>Должен содержать {lpu} и {ticket} — GUID поликлиники и талона.</source>
        <translation>Must contain {lpu} and {ticket}, the clinic and slip GUIDs.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="418"/>
        <source>&amp;Как по умолчанию</source>
        <translation>Reset to de&amp;faults</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="421"/>
        <source>Вернуть стандартные запросы токена и отмены</source>
        <translation>Restore the default token and cancellation requests</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="431"/>
        <source>&amp;Журнал и оператор</source>
        <translation>&amp;Journal and operator</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="437"/>
        <source>&amp;Логин оператора:</source>
        <translation>Operator &amp;login:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="440"/>
        <source>Логин оператора</source>
        <translation>Operator login</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="441"/>
        <source>Печатается на талоне и помогает найти, кто записал пациента.</source>
        <translation>Printed on the slip; helps find who booked the patient.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="298"/>
        <location filename="../ui/settings/dialog.py" line="445"/>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="449"/>
        <source>&amp;Хранить журнал:</source>
        <translation>&amp;Keep journal for:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="452"/>
        <source>Сколько дней хранить журнал смены</source>
        <translation>How many days to keep the shift journal</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="453"/>
        <source>Более старые записи журнала смены удаляются автоматически.</source>
        <translation>Older shift journal entries are deleted automatically.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="457"/>
        <source>&amp;Дополнительно</source>
        <translation>&amp;Advanced</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="462"/>
        <source>Эти параметры зависят от сервера регистратуры. Меняйте их только по указанию службы поддержки.</source>
        <translation>These settings depend on the booking server. Change them only when support tells you to.</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="474"/>
        <source>&amp;Формат даты в запросе:</source>
        <translation>Request &amp;date format:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="477"/>
        <source>Формат даты и времени в запросе записи</source>
        <translation>Date and time format in the booking request</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="484"/>
        <source>Запись &amp;вне расписания:</source>
        <translation>&amp;Unscheduled booking:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="486"/>
        <source>Путь запроса записи вне расписания</source>
        <translation>Request path for unscheduled booking</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="490"/>
        <source>Спис&amp;ок поликлиник:</source>
        <translation>Clinic li&amp;st:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="492"/>
        <source>Путь запроса списка поликлиник</source>
        <translation>Request path for the clinic list</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="496"/>
        <source>Поликлин&amp;ика:</source>
        <translation>Cl&amp;inic:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="498"/>
        <source>Путь запроса сведений о поликлинике</source>
        <translation>Request path for clinic details</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="502"/>
        <source>Врачи поли&amp;клиники:</source>
        <translation>Clinic d&amp;octors:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="504"/>
        <source>Путь запроса списка врачей поликлиники</source>
        <translation>Request path for the clinic&apos;s doctor list</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="510"/>
        <source>Восстановить &amp;стандартные пути</source>
        <translation>&amp;Restore default paths</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="512"/>
        <source>Восстановить стандартные пути</source>
        <translation>Restore the default paths</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="524"/>
        <location filename="../ui/settings/dialog.py" line="536"/>
        <source> с</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="528"/>
        <source>Ожидание соедин&amp;ения:</source>
        <translation>Co&amp;nnection timeout:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="531"/>
        <source>Время ожидания соединения, секунд</source>
        <translation>Connection timeout, seconds</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="540"/>
        <source>Ожидание о&amp;твета:</source>
        <translation>Response &amp;timeout:</translation>
    </message>
    <message>
        <location filename="../ui/settings/dialog.py" line="543"/>
        <source>Время ожидания ответа сервера, секунд</source>
        <translation>Server response timeout, seconds</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../ui/settings/controller.py" line="322"/>
        <source>Настройки не сохранены</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="323"/>
        <source>Не удалось записать файл настроек: {0}</source>
        <translation>Could not write the settings file: {0}</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="324"/>
        <source>Настройки действуют до закрытия программы.</source>
        <translation>The settings apply until the program is closed.</translation>
    </message>
    <message>
        <location filename="../ui/settings/controller.py" line="328"/>
        <source>Настройки сохранены.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <location filename="../ui/desk/help.py" line="112"/>
        <source>дальше по форме: поликлиника → врач → дата → (время) → пациент → «Записать»; на кнопке «Записать» — записать</source>
        <translation>next in the form: clinic → doctor → date → (time) → patient → “Book”; on the “Book” button: book</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="116"/>
        <source>записать из любого поля</source>
        <translation>book from any field</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="117"/>
        <source>следующее, предыдущее поле</source>
        <translation>next, previous field</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="118"/>
        <source>выбор в списке поликлиник и врачей</source>
        <translation>move through the clinic and doctor lists</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="119"/>
        <source>следующий, предыдущий день в поле даты</source>
        <translation>next, previous day in the date field</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="120"/>
        <source>открыть календарь в поле даты</source>
        <translation>open the calendar in the date field</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="122"/>
        <source>Alt+буква</source>
        <translation>Alt+letter</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="123"/>
        <source>к полю или кнопке с подчёркнутой буквой — в любой раскладке клавиатуры</source>
        <translation>go to the field or button with the underlined letter — in any keyboard layout</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="126"/>
        <source>Enter в дате рождения</source>
        <translation>Enter in the birth date</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="127"/>
        <source>найти пациента по полису ОМС и дате рождения</source>
        <translation>find the patient by OMS policy and birth date</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="132"/>
        <source>новая запись: талон, врач и все данные пациента очищаются, поликлиника остаётся</source>
        <translation>new booking: the slip, the doctor and all patient data are cleared, the clinic stays</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="136"/>
        <source>печать талона на выбранный принтер</source>
        <translation>print the slip on the selected printer</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="137"/>
        <source>печать с выбором принтера</source>
        <translation>print with a choice of printer</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="138"/>
        <source>журнал смены</source>
        <translation>shift journal</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="139"/>
        <source>список записанных на день, по врачам</source>
        <translation>the day&apos;s list of bookings, by doctor</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="140"/>
        <source>эта справка</source>
        <translation>this help</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="141"/>
        <source>выход из программы</source>
        <translation>exit the program</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="144"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/desk/help.py" line="145"/>
        <source>Всю запись можно сделать с клавиатуры, без мыши.</source>
        <translation>The whole booking can be done with the keyboard, without a mouse.</translation>
    </message>
</context>
<context>
    <name>SlipActions</name>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="183"/>
        <location filename="../ui/printing/slip_actions.py" line="192"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="184"/>
        <source>Нет талона для печати: сначала запишите пациента.</source>
        <translation>No slip to print: book the patient first.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="193"/>
        <source>Запись отменена: талон недействителен и не печатается.</source>
        <translation>Booking cancelled: the slip is no longer valid and is not printed.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="253"/>
        <source>б/н</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="256"/>
        <source>Талон № {0} сохранён в PDF: {1}</source>
        <translation>Ticket No. {0} saved as PDF: {1}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="258"/>
        <source>В PDF сохранён дубликат № {0} талона № {1}: {2}</source>
        <translation>Duplicate No. {0} of ticket No. {1} saved as PDF: {2}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="265"/>
        <source>Отправлено на принтер «{0}»: талон № {1}. Проверьте, вышел ли талон.</source>
        <translation>Sent to printer “{0}”: ticket No. {1}. Check that the slip came out.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="269"/>
        <source>Отправлено на принтер «{0}»: дубликат № {1} талона № {2}. Проверьте, вышел ли талон.</source>
        <translation>Sent to printer “{0}”: duplicate No. {1} of ticket No. {2}. Check that the slip came out.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="275"/>
        <source>Талон № {0} напечатан.</source>
        <translation>Ticket No. {0} printed.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="277"/>
        <source>Напечатан дубликат № {0} талона № {1}.</source>
        <translation>Duplicate No. {0} of ticket No. {1} printed.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="280"/>
        <source> (из журнала)</source>
        <translation> (from the journal)</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="285"/>
        <source>Талон не напечатан и не засчитан.</source>
        <translation>The slip was not printed and not counted.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="290"/>
        <source>Размер талона не подходит к бумаге</source>
        <translation>The slip size does not fit the paper</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="292"/>
        <source>Талон остаётся на экране.</source>
        <translation>The ticket stays on screen.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="299"/>
        <source>Талон не напечатан</source>
        <translation>Slip not printed</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="302"/>
        <source>Талон остаётся на экране: его можно напечатать ещё раз или сохранить в PDF.</source>
        <translation>The slip stays on screen: you can print it again or save it as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="338"/>
        <source>Сохранить талон в PDF</source>
        <translation>Save the slip as PDF</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_actions.py" line="340"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="103"/>
        <source>На этом компьютере не установлен ни один принтер. Подключите принтер или обратитесь к администратору. Талон можно сохранить в PDF или напечатать позже.</source>
        <translation>No printer is installed on this computer. Connect a printer or contact your administrator. You can save the slip as PDF or print it later.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="111"/>
        <source>Не выбран принтер для талонов. Выберите принтер в настройках или сохраните талон в PDF.</source>
        <translation>No slip printer selected. Choose a printer in Settings or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="119"/>
        <source>Принтер «{name}» не найден. Выберите другой принтер в настройках или сохраните талон в PDF.</source>
        <translation>Printer “{name}” not found. Choose another printer in Settings or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="127"/>
        <source>Принтер «{name}» сейчас не готов: он выключен, приостановлен или сообщает об ошибке. Проверьте принтер и бумагу и повторите печать или сохраните талон в PDF.</source>
        <translation>Printer “{name}” is not ready: it is off, paused or reporting an error. Check the printer and paper, then print again or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="135"/>
        <source>Принтер «{name}» остановлен (приостановлен или выключен): талон не напечатан. Включите принтер, проверьте бумагу и возобновите печать (в Windows: «Принтеры и сканеры» → принтер → «Открыть очередь» → снимите «Приостановить печать»), затем напечатайте ещё раз или сохраните талон в PDF.</source>
        <translation>Printer “{name}” is stopped (paused or switched off): the slip was not printed. Switch the printer on, check the paper and resume printing (on Windows: “Printers and scanners” → the printer → “Open queue” → clear “Pause printing”), then print again or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="146"/>
        <source>Принтер «{name}» сейчас не принимает задания: талон не напечатан. Попросите администратора включить приём заданий на этом принтере, выберите другой принтер («Печать с выбором…») или сохраните талон в PDF.</source>
        <translation>Printer “{name}” does not accept jobs now: the slip was not printed. Ask the administrator to make this printer accept jobs, choose another printer (“Print with a choice…”) or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="156"/>
        <source>В настройках выбран размер талона «{layout}», а в принтере «{name}» бумага шириной {paper} мм: талон на ней не поместится и не напечатан. Выберите в настройках размер «По бумаге принтера (автоматически)» или подходящий к этой бумаге, или напечатайте на другом принтере («Печать с выбором…»).</source>
        <translation>The settings choose the slip size “{layout}”, but printer “{name}” has {paper} mm paper: the slip does not fit and was not printed. Choose “From the printer&apos;s paper (automatic)” or a size that fits this paper in the settings, or print on another printer (“Print with a choice…”).</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="166"/>
        <source>Не удалось напечатать талон на принтере «{name}». Проверьте принтер и повторите печать или сохраните талон в PDF.</source>
        <translation>Could not print the slip on printer “{name}”. Check the printer and print again, or save the slip as PDF.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="174"/>
        <source>Не удалось сохранить талон в файл «{path}». Выберите другую папку.</source>
        <translation>Could not save the slip to “{path}”. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="181"/>
        <source>Предпросмотр талона</source>
        <translation>Slip preview</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="185"/>
        <source>Талон № {number}</source>
        <translation>Slip No. {number}</translation>
    </message>
    <message>
        <location filename="../ui/printing/slip_printer.py" line="194"/>
        <source>Система сообщает: {reason}.</source>
        <translation>The system says: {reason}.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <location filename="../ui/desk/status.py" line="43"/>
        <source>Статус поликлиники</source>
        <translation>Clinic status</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="44"/>
        <source>Пинг поликлиники</source>
        <translation>Clinic ping</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="64"/>
        <source>● статус неизвестен</source>
        <translation>● status unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="71"/>
        <source>● В сети</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="73"/>
        <source>✖ Не в сети</source>
        <translation>✖ Offline</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="75"/>
        <source>? {0}</source>
        <translation>? {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="75"/>
        <source>неизвестно</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="79"/>
        <source>пинг {0} мс</source>
        <translation>ping {0} ms</translation>
    </message>
    <message>
        <location filename="../ui/desk/status.py" line="82"/>
        <source>с {0}</source>
        <translation>since {0}</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="98"/>
        <location filename="../ui/desk/ticket_view.py" line="356"/>
        <source>Талон записи</source>
        <translation>Appointment slip</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="103"/>
        <source>Здесь появится талон после записи.

Выберите поликлинику, врача и дату, затем нажмите «Записать» (Ctrl+Enter).</source>
        <translation>The slip will appear here after booking.

Choose a clinic, a doctor and a date, then press “Book” (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="137"/>
        <source>Талон на приём — вне расписания</source>
        <translation>Appointment slip — unscheduled</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="142"/>
        <source>ОТМЕНЕНА</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="146"/>
        <source>Запись отменена</source>
        <translation>Booking cancelled</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="152"/>
        <source>Пациент</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="153"/>
        <source>Номер талона</source>
        <translation>Slip number</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="154"/>
        <source>Кабинет</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="155"/>
        <source>Этаж</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="156"/>
        <source>Тип приёма</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="157"/>
        <source>Врач</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="158"/>
        <source>Время приёма</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="159"/>
        <source>Поликлиника</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="160"/>
        <source>Кем и когда записано</source>
        <translation>Booked by and when</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="162"/>
        <source>УЧЕБНАЯ ЗАПИСЬ — не настоящая</source>
        <translation>TRAINING BOOKING — not real</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="172"/>
        <source>Пациент:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="173"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="174"/>
        <source>Кабинет:</source>
        <translation>Room:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="175"/>
        <source>Этаж:</source>
        <translation>Floor:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="176"/>
        <source>Приём:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="177"/>
        <source>Врач:</source>
        <translation>Doctor:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="178"/>
        <source>Тип приёма:</source>
        <translation>Visit type:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="179"/>
        <source>Поликлиника:</source>
        <translation>Clinic:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="180"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="181"/>
        <source>Записано:</source>
        <translation>Booked:</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="323"/>
        <source>время назначит поликлиника</source>
        <translation>time to be set by the clinic</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="330"/>
        <source>тел. {0}</source>
        <translation>tel. {0}</translation>
    </message>
    <message>
        <location filename="../ui/desk/ticket_view.py" line="355"/>
        <source>Талон записи — запись отменена</source>
        <translation>Appointment slip — booking cancelled</translation>
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
        <location filename="../ui/platform/session.py" line="46"/>
        <location filename="../ui/training/panel.py" line="90"/>
        <location filename="../ui/training/panel.py" line="442"/>
        <source>Обучение</source>
        <translation>Training</translation>
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
        <translation>Hin&amp;t</translation>
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
        <location filename="../ui/training/panel.py" line="130"/>
        <source>Стажёр (фамилия и имя):</source>
        <translation>Trainee (surname and first name):</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="217"/>
        <source>Отчёт для наставника…</source>
        <translation>Report for the mentor…</translation>
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
        <location filename="../ui/training/panel.py" line="432"/>
        <source>выполнено {0}</source>
        <translation>completed {0}</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="391"/>
        <source>Подсказка:</source>
        <translation>Hint:</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="434"/>
        <source>не выполнено</source>
        <translation>not completed</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="444"/>
        <source>Обучение — выполнено {0} из {1}</source>
        <translation>Training — {0} of {1} completed</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="465"/>
        <source>Сохранить отчёт для наставника</source>
        <translation>Save the report for the mentor</translation>
    </message>
    <message>
        <location filename="../ui/training/panel.py" line="467"/>
        <source>Страница HTML (*.html)</source>
        <translation>HTML page (*.html)</translation>
    </message>
</context>
</TS>
