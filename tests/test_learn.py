"""zhguard learn: a site's lexicon proposed from its pages, accepted by lexicon check and used by check."""

from __future__ import annotations

from zhguard.cli import main

PAGES = [
    "区委书记郑志恒主持召开常委会会议，研究部署溧阳道片区改造工作。",
    "区委书记郑志恒到溧阳道片区调研，要求加快推进老旧小区改造三年行动。",
    "区委书记郑志恒会见客商。区科技创新服务中心发布年度报告。",
    "区科技创新服务中心举办培训。溧阳道片区老旧小区改造三年行动进展顺利。",
    "区科技创新服务中心开展走访，老旧小区改造三年行动再推进。",
]


def _site(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, text in enumerate(PAGES):
        (pages / f"page{number}.txt").write_text(text, encoding="utf-8")
    return pages


def test_learn_writes_a_lexicon_that_lexicon_check_accepts(tmp_path, capsys):
    out = tmp_path / "site-lexicon"
    assert main(["learn", str(_site(tmp_path)), "-o", str(out)]) == 0
    rows = {line.split("\t")[0]: line.split("\t")[3]
            for path in out.glob("learned_*.tsv") for line in path.read_text("utf-8").splitlines()
            if not line.startswith("#")}
    assert "郑志恒" in rows  # a person after a title
    assert "区科技创新服务中心" in rows  # a body
    assert "老旧小区改造三年行动" in rows  # a project
    assert rows["郑志恒"].startswith("出现3次，首见 ") and rows["郑志恒"].endswith("page0.txt:1")
    capsys.readouterr()
    assert main(["lexicon", "check", str(out)]) == 0


def test_a_learned_lexicon_finds_a_misspelt_site_name(tmp_path, capsys):
    out = tmp_path / "site-lexicon"
    main(["learn", str(_site(tmp_path)), "-o", str(out)])
    page = tmp_path / "new.txt"
    page.write_text("区委书记郑志衡出席活动。\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--lexicon", str(out), str(page)]) == 1
    assert "郑志衡" in capsys.readouterr().out


def test_a_verb_after_a_title_is_no_name():
    from zhguard.learn import learn

    page = ("习近平总书记两次亲临视察。区委书记郑志恒主持会议。总书记再次亲临指导。区委书记郑志恒讲话。"
            "总书记两次亲临考察。区委书记郑志恒强调。总书记再次亲临。人大常委会审议通过。常委会审议了报告。"
            "常委会审议预算。")
    people = {row.canonical for row in learn([("page.txt", page)], titles=("总书记", "区委书记", "常委会"))
              if row.category == "leader_name"}
    assert people == {"郑志恒"}
