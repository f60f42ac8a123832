"""The words of the briefs' template, in English and Ukrainian. Markings, part numbers, company
and place names are data and are never translated."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "uk")

EN: dict[str, str] = {
    "contents": "Contents",
    "page_of": "Page {n} of {total}",
    "date": "Date",
    "author": "Author",
    "marking": "Handling marking",
    "store": "Store",
    "sources": "Sources",
    "no_sources": "No source is cited in this brief.",
    "number": "No.",
    "source": "Source",
    "grade": "Grade",
    "documented": "documented",
    "probable": "probable",
    "hypothesis": "hypothesis",
    "undated": "undated",
    "no_source_cited": "no source cited",
    "how_to_read": "How to read this brief",
    "yardstick_intro": "Judgements of likelihood use the words of the UK probability "
                       "yardstick, and only those:",
    "term": "Term",
    "probability": "Probability",
    "about": "about {share}",
    "remote_chance": "remote chance",
    "highly_unlikely": "highly unlikely",
    "unlikely": "unlikely",
    "realistic_possibility": "realistic possibility",
    "likely": "likely or probably",
    "highly_likely": "highly likely",
    "almost_certain": "almost certain",
    "status_intro": "Every supply link carries its status word first. A chain is no stronger "
                    "than its weakest link: it is called documented only when every link is.",
    "status": "Status",
    "means": "Means",
    "documented_means": "a source shows the transaction (for example customs or shipping "
                        "records)",
    "probable_means": "several graded sources point to it",
    "hypothesis_means": "plausible, not supported enough",
    "grades_intro": "Sources are graded on the Admiralty system: the reliability of the source "
                    "(letter) and the credibility of the information (number). A part found "
                    "in a weapon shows that it reached the weapon's producer, not through which "
                    "company; dates read from date codes are production dates, not shipment "
                    "dates.",
    "reliability": "Reliability of the source",
    "credibility": "Credibility of the information",
    "reliability_A": "completely reliable",
    "reliability_B": "usually reliable",
    "reliability_C": "fairly reliable",
    "reliability_D": "not usually reliable",
    "reliability_E": "unreliable",
    "reliability_F": "reliability cannot be judged",
    "credibility_1": "confirmed by other sources",
    "credibility_2": "probably true",
    "credibility_3": "possibly true",
    "credibility_4": "doubtful",
    "credibility_5": "improbable",
    "credibility_6": "truth cannot be judged",
    "how_made": "How this brief was made",
    "how_made_intro": "The same store, query and options give the same brief; quote these "
                      "lines to ask for it again.",
    "what": "What",
    "value": "Value",
}

UK: dict[str, str] = {
    "contents": "Зміст",
    "page_of": "Сторінка {n} з {total}",
    "date": "Дата",
    "author": "Автор",
    "marking": "Гриф обмеження доступу",
    "store": "Сховище",
    "sources": "Джерела",
    "no_sources": "У цій довідці немає посилань на джерела.",
    "number": "№",
    "source": "Джерело",
    "grade": "Оцінка",
    "documented": "задокументовано",
    "probable": "ймовірно",
    "hypothesis": "гіпотеза",
    "undated": "без дати",
    "no_source_cited": "джерело не вказано",
    "how_to_read": "Як читати цю довідку",
    "yardstick_intro": "Судження про ймовірність висловлено лише словами шкали ймовірності "
                       "(UK probability yardstick):",
    "term": "Термін",
    "probability": "Ймовірність",
    "about": "близько {share}",
    "remote_chance": "вкрай малоймовірно",
    "highly_unlikely": "дуже малоймовірно",
    "unlikely": "малоймовірно",
    "realistic_possibility": "реальна можливість",
    "likely": "ймовірно",
    "highly_likely": "дуже ймовірно",
    "almost_certain": "майже напевно",
    "status_intro": "Кожна ланка постачання має на початку слово статусу. Ланцюг не "
                    "сильніший за найслабшу ланку: задокументованим він є лише тоді, коли "
                    "задокументовано кожну ланку.",
    "status": "Статус",
    "means": "Означає",
    "documented_means": "джерело підтверджує операцію (наприклад, митні чи транспортні "
                        "документи)",
    "probable_means": "на неї вказують кілька оцінених джерел",
    "hypothesis_means": "правдоподібно, але недостатньо підтверджено",
    "grades_intro": "Джерела оцінено за системою Адміралтейства: надійність джерела (літера) "
                    "і достовірність інформації (цифра). Деталь, знайдена у зброї, свідчить, "
                    "що вона дійшла до виробника зброї, але не через яку компанію; дати, "
                    "прочитані з кодів дати, є датами виробництва, а не відвантаження.",
    "reliability": "Надійність джерела",
    "credibility": "Достовірність інформації",
    "reliability_A": "цілком надійне",
    "reliability_B": "здебільшого надійне",
    "reliability_C": "досить надійне",
    "reliability_D": "здебільшого ненадійне",
    "reliability_E": "ненадійне",
    "reliability_F": "надійність неможливо оцінити",
    "credibility_1": "підтверджено іншими джерелами",
    "credibility_2": "імовірно правдиве",
    "credibility_3": "можливо правдиве",
    "credibility_4": "сумнівне",
    "credibility_5": "неправдоподібне",
    "credibility_6": "достовірність неможливо оцінити",
    "how_made": "Як створено цю довідку",
    "how_made_intro": "Те саме сховище, запит і параметри дають ту саму довідку; наведіть ці "
                      "рядки, щоб отримати її знову.",
    "what": "Що",
    "value": "Значення",
}

TABLES: Mapping[str, dict[str, str]] = {"en": EN, "uk": UK}


class Words(dict[str, str]):
    """The template's words in one language (a missing word is a bug: tests check both)."""

    def __init__(self, language: str = "en") -> None:
        if language not in TABLES:
            raise ValueError(f"briefs are written in {' or '.join(LANGUAGES)}, not {language!r}")
        super().__init__(TABLES[language])
        self.language = language


def add(en: Mapping[str, str], uk: Mapping[str, str]) -> None:
    """Words of one kind of brief, in both languages (checked to have the same keys)."""
    missing = set(en) ^ set(uk)
    if missing:
        raise ValueError(f"words without a translation: {sorted(missing)}")
    EN.update(en)
    UK.update(uk)
