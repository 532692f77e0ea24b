"""The catalogue of everything people read that is not plan data: column labels, words and sentence
templates, each a bilingual :class:`~sdpartner.model.Text`. Views pick a language here and nowhere else.

A template is a ``str.format`` string per language: ``say("from_name", lang)``; ``say("place_from_name",
lang, place=...)``.
"""

from .model import Lang, Text

LABELS: dict[str, Text] = {
    key: Text(zh=zh, en=en)
    for key, (zh, en) in {
        "id": ("编号", "ID"),
        "slug": ("代号", "Slug"),
        "name": ("名称", "Name"),
        "name_zh": ("中文", "Chinese"),
        "group": ("组", "Group"),
        "group_name": ("组名", "Group name"),
        "summary": ("概要", "Summary"),
        "measures": ("举措数", "Measures"),
        "events": ("活动数", "Events"),
        "figures": ("数字", "Figures"),
        "programmes": ("项目/品牌", "Programmes"),
        "keywords": ("关键词", "Keywords"),
        "cites": ("原文段落", "Source ¶"),
        "label": ("指标", "Figure"),
        "value": ("数值", "Value"),
        "display": ("表述", "Amount"),
        "unit": ("单位", "Unit"),
        "comparator": ("比较", "Comparator"),
        "year": ("年份", "Year"),
        "time": ("时间", "As of"),
        "kind": ("类型", "Kind"),
        "scope": ("范围", "Scope"),
        "original": ("原文", "Original wording"),
        "note": ("说明", "Note"),
        "date": ("日期", "Date"),
        "edition": ("届次", "Edition"),
        "city": ("城市", "City"),
        "place": ("地点", "Place"),
        "place_from_name": ("地点据名称", "Place from name"),
        "action": ("行动", "Action"),
        "attribution": ("归属依据", "Attribution"),
        "text": ("内容", "Measure"),
        "aliases": ("别名", "Also known as"),
        "framing": ("推介重点", "Pitch"),
        "highlights": ("亮点", "Highlights"),
        "offers": ("推介条目数", "Offers"),
        "year_from_plan": ("年份为计划年度", "Year is the plan's"),
        "sector": ("行业", "Sector"),
        "sector_name": ("行业名称", "Sector name"),
        "offer": ("城市表述", "City's own wording"),
        "offer_zh": ("城市表述(中文)", "City's wording (Chinese)"),
        "sectors": ("行业", "Sectors"),
        "score": ("相关度", "Score"),
        "field": ("匹配字段", "Matched in"),
        "matched": ("匹配内容", "Matched text"),
        "title": ("标题", "Title"),
        "actions": ("行动", "Actions"),
        "count": ("数量", "Count"),
        "published": ("发布", "Released"),
        "venue": ("地点", "Venue"),
        "theme": ("主题", "Theme"),
        "presented_by": ("发布人", "Presented by"),
        "attendance": ("出席", "Attendance"),
        "ambassadors": ("大使国别", "Ambassadors from"),
        "plan": ("计划", "Plan"),
        "source": ("来源", "Source"),
        "directions": ("重点方向", "Key directions"),
        "type": ("种类", "Type"),
        "offer_list": ("推介领域与优势", "What each city offers"),
        "related": ("关联", "Related"),
        "relation": ("关系", "Relation"),
        "series": ("系列", "Series"),
        "series_note": ("系列说明", "About the series"),
        "counts": ("主要数字", "Headline counts"),
        "source_count": ("来源数", "Sources"),
        "sources": ("来源", "Sources"),
        "records": ("引用记录数", "Records"),
        "outlet": ("媒体", "Outlet"),
        "language": ("语言", "Language"),
        "reliability": ("来源类别", "Class"),
        "about": ("内容", "About"),
        "url": ("网址", "Address"),
        "file": ("文件", "File"),
        "when": ("时间", "When"),
        "facts": ("事实", "Facts"),
        "topic": ("主题", "Topic"),
        "subject": ("对象", "Subject"),
        "shareholder": ("股东", "Shareholder"),
        "short_name": ("简称", "Short name"),
        "programmes_ids": ("项目", "Programmes"),
    }.items()
}

WORDS: dict[str, Text] = {
    key: Text(zh=zh, en=en)
    for key, (zh, en) in {
        # words
        "not_stated": ("未说明", "not stated"),
        "date_not_stated": ("日期未说明", "date not stated"),
        "none": ("(无)", "(none)"),
        "target": ("目标", "target"),
        "status": ("现状", "status"),
        "stated": ("原文明确", "stated"),
        "inferred": ("据文意推断", "inferred"),
        "group": ("仅归于本组", "group only"),
        "seeking": ("寻求合作", "seeking partners"),
        "industry": ("重点产业", "industry"),
        "cluster": ("特色集群", "featured cluster"),
        "strength": ("优势", "strength"),
        "from_name": ("据活动名称", "from the event's name"),
        "yes": ("是", "yes"),
        "no": ("否", "no"),
        # templates
        "amount_scaled": ("{n}{scale}{unit}", "{n} {scale} {unit}"),
        "amount_plain": ("{n}{unit}", "{n} {unit}"),
        "fig_at_least": ("{amount}以上", "at least {amount}"),
        "fig_more_than": ("超过{amount}", "more than {amount}"),
        "fig_strive_to_exceed": ("力争突破{amount}", "aim to exceed {amount}"),
        "fig_exactly": ("{amount}", "{amount}"),
        "fig_about": ("约{amount}", "about {amount}"),
        "fig_nearly": ("近{amount}", "nearly {amount}"),
        "ordinal": ("第{n}{unit}", "{nth}"),
        "plan_year": ("计划年度", "plan year"),
        "place_from_name": ("{place}(据名称)", "{place} (from its name)"),
        "person_role": ("{org}{title}", "{title}, {org}"),
        "person_line": ("{name}({roles})", "{name} ({roles})"),
        "city_title": ("{zh}", "{en} {zh}"),
        "action_title": ("行动{id}:{name}", "Action {id}: {name}"),
        "group_measures": ("本组({name})共有举措,未指定到具体行动", "Measures of group {id} not tied to one action"),
        "groups_title": ("四组十项行动", "{groups} groups, {actions} actions"),
        "year_events": ("{year}年活动", "Events in {year}"),
        "released": ("{date} · {event}", "{date} · {event}"),
        "no_hits": ("计划中没有提到“{query}”。", "The plan does not mention '{query}'."),
        "not_mentioned": ("没有记录用到“{word}”一词。", "No record uses the word '{word}'."),
        "did_you_mean": ("最接近的词:{near}。", "Did you mean: {near}?"),
        "record_title": ("{kind}:{title}", "{kind}: {title}"),
        "t_links": ("关联记录", "Linked records"),
        "dated": ("{when}({status})", "{when} ({status})"),
        "year_from_context": (";年份据上下文", "; year from context"),
        "status_held": ("举办", "held"),
        "status_scheduled": ("预定", "scheduled"),
        "status_opened": ("开幕", "opened"),
        "status_closed": ("闭幕", "closed"),
        "status_planned": ("计划", "planned"),
        "status_reported": ("见于报道", "reported"),
        "edition_kind": ("往届", "earlier edition"),
        "this_plan": ("本计划({year}年)", "this plan ({year})"),
        "primary": ("主要来源", "primary"),
        "official": ("官方/原始", "official"),
        "major": ("主要媒体", "major outlet"),
        "minor": ("小型媒体", "minor outlet"),
        "repost": ("转载", "repost"),
        # titles
        "t_history": ("往届", "Earlier editions"),
        "t_counts": ("主要数字", "Headline counts"),
        "t_readings": ("历年数字", "Over time"),
        "t_sources": ("来源", "Sources"),
        "t_actions": ("行动", "Actions"),
        "t_measures": ("举措", "Measures"),
        "t_programmes": ("项目与品牌", "Programmes and brands"),
        "t_figures": ("数字与目标", "Figures and targets"),
        "t_events": ("活动", "Events"),
        "t_cities": ("推介城市", "Presenting cities"),
        "t_offers": ("重点领域与优势", "Fields, clusters and strengths"),
        "t_city_measures": ("计划中涉及本市的举措", "Plan measures that name this city"),
        "t_sectors": ("行业与城市", "Sectors and the cities that offer them"),
        "t_search": ("搜索结果", "Search results"),
    }.items()
}

# number words, largest first: (size, word); a number is written with one only from a million up
SCALES: dict[Lang, tuple[tuple[float, str], ...]] = {
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")),
}

# whether tables show a separate Chinese-name column: only when the view is not already in Chinese
CHINESE_COLUMN: dict[Lang, bool] = {"en": True, "zh": False}

# search: record kinds and matched fields, as people read them (machine formats keep the codes)
KINDS: dict[str, Text] = {
    code: Text(zh=zh, en=en)
    for code, (zh, en) in {
        "plan": ("计划", "plan"), "group": ("行动组", "group"), "action": ("行动", "action"), "measure": ("举措", "measure"),
        "programme": ("项目/品牌", "programme"), "figure": ("数字", "figure"), "event": ("活动", "event"), "city": ("城市", "city"),
        "offer": ("城市推介条目", "city offer"), "sector": ("行业", "sector"), "organisation": ("机构", "organisation"),
        "person": ("人物", "person"), "document": ("文件", "document"), "statement": ("表述", "statement"),
        "series": ("活动系列", "series"), "edition": ("往届活动", "edition"), "observation": ("历年数字", "earlier reading"),
        "source": ("来源", "source"),
    }.items()
}
FIELDS: dict[str, Text] = {
    code: Text(zh=zh, en=code)
    for code, zh in {"name": "名称", "alias": "别名", "keyword": "关键词", "text": "正文", "related": "关联记录"}.items()
}


# how one record is linked to another (query.links), read from the first record
RELATIONS: dict[str, Text] = {
    code: Text(zh=zh, en=en)
    for code, (zh, en) in {
        "in_group": ("属于行动组", "in group"), "has_action": ("包含行动", "has action"), "of_action": ("属于行动", "measure of action"),
        "has_measure": ("包含举措", "has measure"), "names_programme": ("涉及项目", "names programme"), "named_in": ("见于举措", "named in measure"),
        "names_figure": ("涉及数字", "names figure"), "measured_in": ("见于举措", "named in measure"), "names_event": ("涉及活动", "names event"),
        "held_under": ("见于举措", "named in measure"), "names_city": ("涉及城市", "names city"), "about": ("关于", "about"),
        "has_figure": ("相关数字", "figure about it"), "in_city": ("所在城市", "in city"), "has_event": ("相关活动", "event"),
        "shareholder": ("股东", "shareholder"), "holds_share_in": ("持股", "holds a share in"), "reports": ("数字", "reports figure"),
        "reported_by": ("数字来自", "reported by"), "role_at": ("任职于", "works at"), "has_person": ("人员", "person"),
        "presented_by": ("发布人", "presented by"), "presents": ("发布", "presents"), "offered_by": ("推介城市", "offered by city"),
        "offers": ("推介条目", "offers"), "in_sector": ("所属行业", "in sector"), "has_offer": ("城市推介条目", "city offer"),
        "released_at": ("发布于", "released at"), "releases": ("发布", "releases"), "event_of": ("属于行动", "event of action"),
        "in_series": ("属于系列", "in series"), "edition_of": ("属于系列", "edition of"), "has_edition": ("往届", "edition"),
        "earlier_reading_of": ("早前数字", "earlier reading of"), "has_earlier_reading": ("早前数字", "earlier reading"),
        "cites_source": ("来源", "cites source"), "cited_by": ("被引用", "cited by"),
    }.items()
}


def label(key: str, lang: Lang) -> str:
    """The column label of ``key``."""
    return LABELS[key].pick(lang)


def say(key: str, lang: Lang, **values: object) -> str:
    """The word or filled template ``key`` in ``lang``."""
    text = WORDS[key].pick(lang)
    return text.format(**values) if values else text


def words_for(codes: dict[str, Text] | tuple[str, ...], lang: Lang) -> dict[str, str]:
    """code -> word in ``lang``, for a column of coded values."""
    if isinstance(codes, dict):
        return {code: t.pick(lang) for code, t in codes.items()}
    return {code: say(code, lang) for code in codes}
