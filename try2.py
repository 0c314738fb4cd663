import sys, tempfile, time
from pathlib import Path
from benchmarks import corpus
from tests.helpers import published
from constitution.source.validate import checked_source
from constitution.importer import read, align
tmp = Path(tempfile.mkdtemp())
data = published.importable(corpus.corpus(96))
(tmp / "src" / "articles").mkdir(parents=True)
for name, d in data.items():
    (tmp / "src" / name).write_text(corpus.dump(d), encoding="utf-8")
import shutil; shutil.copy("translations/ui.yaml", tmp / "src" / "ui.yaml")
src = checked_source(tmp / "src")
want = {u.id: {l: u.texts.text(l) for l in ("kk","ru","en")} for u in src.units()}
layouts = sys.argv[1:] or published.LAYOUTS
for i, layout in enumerate(layouts):
    for lang in ("kk", "ru", "en"):
        for style in range(4):
            text = published.render(src, lang, layout, style)
            (tmp / f"{lang}.txt").write_text(text, encoding="utf-8", newline="")
            t = time.process_time()
            r, p = read.read_file(tmp / f"{lang}.txt", lang)
            if p: print(layout, lang, style, p[:3]); continue
            s, probs = align.aligned_source({lang: r}, src, "unofficial", [])
            got = {u.id: u.texts.text(lang) for u in s.units()}
            exp = {k: v[lang] for k, v in want.items()}
            bad = [(k, exp.get(k), got.get(k)) for k in sorted(set(exp) | set(got)) if exp.get(k) != got.get(k)]
            ents = [str(e) for e in r.entries if e.kind != "removed" and e.kind != "normalised"]
            print(layout, lang, style, "bad", len(bad), "entries", len(r.entries), ents[:3], f"{time.process_time()-t:.2f}s")
            for b in bad[:3]: print("   ", b)
