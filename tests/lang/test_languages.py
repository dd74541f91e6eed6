"""Documents in several languages: which language, what a pack reads, and one timeline from them."""
import json

import pytest

from timeline.models import Document
from timeline.pipeline import extract_documents
from timeline.read import Reader, ReadOptions
from timeline.read.language import detect, iso639_1
from timeline.times import tag_document
from tests.cli_helpers import refused, timeline

# Three short reports of one happening, written for this test, one per language.
ARTICLES = {
    "en": "Militants fired rockets at a military base near Baghdad on Monday, the United States said. "
          "Nobody was hurt.",
    "fr": "Des miliciens ont tiré lundi des roquettes sur une base militaire près de Bagdad, ont annoncé "
          "les États-Unis. Personne n'a été blessé.",
    "es": "Milicianos dispararon el lunes cohetes contra una base militar cerca de Bagdad, informó Estados "
          "Unidos. Nadie resultó herido.",
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_each_article_is_detected_in_its_language(lang):
    assert detect(ARTICLES[lang]) == lang


def test_too_little_text_is_no_language():
    assert detect("2021") is None


@pytest.mark.parametrize("tag, code", [("fr-FR", "fr"), ("ES", "es"), ("en_GB", "en"), ("french", None),
                                       ("", None), (None, None)])
def test_language_tags_become_iso_639_1(tag, code):
    assert iso639_1(tag) == code


def test_one_happening_told_in_three_languages_is_one_event_with_three_sources():
    documents = [Document(id=f"{lang}.txt", published="2021-08-03", lang=lang, text=text)
                 for lang, text in ARTICLES.items()]
    tl = extract_documents(documents)
    attacks = [e for e in tl.events if e.type == "ATTACK"]
    assert len(attacks) == 1, [(e.type, e.headline) for e in tl.events]
    [attack] = attacks
    assert attack.date.value == "2021-08-02"
    assert sorted({m.document for m in attack.mentions}) == ["en.txt", "es.txt", "fr.txt"]
    # each mention keeps its own language's sentence as evidence
    assert any(m.sentence.startswith("Des miliciens") for m in attack.mentions if m.document == "fr.txt")


def test_names_in_other_languages_match_through_the_alias_table():
    from timeline.merge.normalise import name_tokens

    assert name_tokens("Irak") == name_tokens("Iraq")
    assert name_tokens("Bagdad") == name_tokens("Baghdad")
    assert name_tokens("États-Unis") == name_tokens("Estados Unidos") == name_tokens("United States")


def test_a_language_without_a_pack_warns_and_still_gives_iso_dates(tmp_path):
    article = tmp_path / "de.json"
    article.write_text(json.dumps({"lang": "de", "published": "2021-08-03",
                                   "text": "Am 2021-08-02 griffen Milizen einen Stützpunkt an, am Montag."}))
    reader = Reader(ReadOptions())
    [doc] = reader.documents([str(article)])
    assert doc.lang == "de"
    assert any("'de' has no language pack" in message for _, message in reader.warnings)
    assert [(t.text, t.value) for t in tag_document(doc)] == [("2021-08-02", "2021-08-02")]


def test_lang_option_and_record_field_and_html_lang(tmp_path):
    record = tmp_path / "a.jsonl"
    record.write_text(json.dumps({"language": "es-ES", "text": ARTICLES["fr"]}) + "\n")
    [doc] = Reader(ReadOptions()).documents([str(record)])
    assert doc.lang == "es"                       # the record's own field wins over detection
    [doc] = Reader(ReadOptions(lang="en")).documents([str(record)])
    assert doc.lang == "en"                       # --lang wins over everything
    page = tmp_path / "p.html"
    body = " ".join([ARTICLES["en"]] * 3)
    page.write_text(f'<html lang="fr-FR"><head><title>t</title></head><body><article><p>{body}</p>'
                    f'</article></body></html>')
    [doc] = Reader(ReadOptions()).documents([str(page)])
    assert doc.lang == "fr"


def test_a_bad_lang_option_is_one_line_and_exit_2(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["en"])
    refused(timeline("times", article, "--lang", "french"), "not an ISO 639-1 language code")


@pytest.mark.parametrize("lang, text, value", [
    ("fr", "Il y a deux ans, le 3 août, la semaine dernière", ["2019", "2021-08-03", "2021-W30"]),
    ("es", "Hace dos años, el 3 de agosto, la semana pasada", ["2019", "2021-08-03", "2021-W30"]),
])
def test_the_same_engine_reads_each_language_from_its_pack(lang, text, value):
    doc = Document(id="d", published="2021-08-02", lang=lang, text=text)
    assert [t.value for t in tag_document(doc)] == value


def test_the_page_and_the_csv_show_each_events_languages_and_keep_the_original_text():
    import csv
    import io

    from timeline.render import page
    from timeline.render.exports import to_csv

    documents = [Document(id=f"{lang}.txt", published="2021-08-03", lang=lang, text=text)
                 for lang, text in ARTICLES.items()]
    tl = extract_documents(documents)
    rows = list(csv.DictReader(io.StringIO(to_csv(tl))))
    attack = next(r for r in rows if r["type"] == "ATTACK")
    assert sorted(attack["languages"].split(", ")) == ["en", "es", "fr"]
    html = page(tl, plotlyjs="cdn")
    assert f'<span class="languages">({attack["languages"]})</span>' in html
    # the evidence of a mention is its own sentence, in its own language
    assert "Milicianos dispararon el lunes cohetes" in json.dumps(tl.model_dump(), ensure_ascii=False)


@pytest.mark.parametrize("text, lang", [
    ("The council said on Monday that it would close the bridge for repairs.", "en"),
    ("Le conseil a annoncé lundi qu'il fermerait le pont pour des travaux.", "fr"),
    ("El consejo anunció el lunes que cerraría el puente por obras.", "es"),
    # one short line: its article and its weekday, each pack's own
    ("The talks resume on Friday.", "en"),
    ("Les pourparlers reprennent vendredi.", "fr"),
    ("Las conversaciones se reanudan el viernes.", "es"),
])
def test_function_words_tell_a_clear_sample_without_the_statistical_detector(text, lang):
    from timeline.read.language import _by_function_words
    assert _by_function_words(text) == lang


@pytest.mark.parametrize("text", [
    "Il consiglio ha annunciato lunedì che chiuderà il ponte per lavori della strada.",   # Italian
    "Der Rat hat am Montag angekündigt, dass er die Brücke schließen wird.",             # German
    "Breaking: Paris, Madrid, the talks",                                                # one function word
])
def test_function_words_leave_other_languages_and_short_samples_open(text):
    from timeline.read.language import _by_function_words
    assert _by_function_words(text) is None


def test_detecting_a_clear_english_article_does_not_load_the_statistical_model():
    import subprocess
    import sys
    code = ("import sys; from timeline.read.language import detect; "
            f"assert detect({ARTICLES['en']!r}) == 'en'; print('py3langid' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


SAMPLES = ["The talks resume on Friday.", "Talks resume Friday", "Les pourparlers reprennent vendredi.",
           "Las conversaciones se reanudan el viernes.", "Die Gespräche werden am Freitag fortgesetzt.",
           "I colloqui riprendono venerdì.", "BREAKING NEWS", "2021", "Москва, 3 марта", ""]


def test_the_cached_model_classifies_as_py3langid_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from timeline.read import language_model

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    model = language_model.load()
    assert model is not None and list(tmp_path.glob("langid-*.bin"))
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for sample in SAMPLES:
        (lang, p), (want, q) = model.classify(sample), reference.classify(sample)
        assert lang == want and p == pytest.approx(q, abs=1e-4), sample
    assert language_model.load().classify(SAMPLES[0]) == model.classify(SAMPLES[0])    # read back


def test_without_a_cache_directory_py3langid_itself_classifies(monkeypatch):
    from timeline.read import language_model

    monkeypatch.setenv("TIMELINE_CACHE_DIR", "")
    assert language_model.load() is None


def test_detecting_a_sample_left_open_does_not_import_numpy(tmp_path):
    import os
    import subprocess
    import sys
    code = ("import sys; from timeline.read.language import detect; "
            "print(detect('Talks resume Friday'), 'numpy' in sys.modules)")
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path)}
    for run in ("writes the cache", "reads it"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split()[1] == "False"


def test_a_cached_model_cut_short_is_written_again(tmp_path, monkeypatch):
    from timeline.read import language_model

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    want = language_model.load().classify(SAMPLES[2])
    [path] = tmp_path.glob("langid-*.bin")
    path.write_bytes(path.read_bytes()[:1_000_000])
    assert language_model.load().classify(SAMPLES[2]) == want
