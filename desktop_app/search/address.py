"""Splitting a Russian postal address into what tells clinics apart and what does not.

``169301, Северореченская обл., г. Северореченск, ул. Набережная Светлой, д. 12`` →
postcode ``169301``, region ``Северореченская обл.``, locality ``г. Северореченск``, street
``ул. Набережная Светлой, д. 12``. In one region every clinic shares the region and most share
the town, so a list row leads with the street; the postcode and region are searched only in
ways that cannot shadow a short number (see :mod:`desktop_app.search.index`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_POSTCODE = re.compile(r"^\d{6}$")
_REGION = re.compile(
    r"(?:^|\s)(?:обл\.?|область|край|респ\.?|республика|ао|автономн\w*|округ)(?:\s|$)",
    re.IGNORECASE,
)
_DISTRICT = re.compile(
    r"(?:^|\s)(?:р-н|район|м\.\s?р-н|муниципальн\w*|г\.\s?о\.|городской)(?:\s|$)", re.IGNORECASE
)
#: A settlement's type before its name. ``д.`` is a village only before a letter (``д. 12`` is
#: a house number).
_LOCALITY = re.compile(
    r"^(?:г|гор|город|с|село|пос|п|пгт|рп|д|дер|деревня|ст-ца|станица|х|хутор|аул|сл)\.?\s+"
    r"(?=[^\W\d_])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AddressParts:
    postcode: str | None = None
    region: str | None = None
    district: str | None = None
    locality: str | None = None
    street: str | None = None


def split_address(address: str | None) -> AddressParts:
    """The parts of ``address``; what is not recognised stays in ``street``, in order."""
    if not address:
        return AddressParts()
    postcode = region = district = locality = None
    street: list[str] = []
    for raw in address.split(","):
        part = " ".join(raw.split())
        if not part:
            continue
        if postcode is None and _POSTCODE.match(part):
            postcode = part
        elif not street and _REGION.search(part):
            region = part if region is None else f"{region}, {part}"
        elif not street and _DISTRICT.search(part):
            district = part if district is None else f"{district}, {part}"
        elif not street and locality is None and _LOCALITY.match(part):
            locality = part
        else:
            street.append(part)
    return AddressParts(
        postcode=postcode,
        region=region,
        district=district,
        locality=locality,
        street=", ".join(street) or None,
    )
