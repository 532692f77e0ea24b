"""Every word people read that is not plan data, in both languages: column labels, words, sentence templates
and messages (errors and notes). Views, errors and commands pick a language here and nowhere else.

The words for kinds of record and for the relations between them are declared with the model
(``plan/model.py``: ``Kind`` and ``Link``), where each kind and reference is declared once.
A template is a ``str.format`` string per language: ``say("place_known", lang, place=...)``.
"""

from typing import Any

from .text import Lang, T, Text

LABELS: dict[str, Text] = {
    key: T(zh, en)
    for key, (zh, en) in {
        "id": ("编号", "ID"),
        "type": ("种类", "Type"),
        "slug": ("代号", "Slug"),
        "name": ("名称", "Name"),
        "name_zh": ("中文", "Chinese"),
        "group": ("组", "Group"),
        "group_name": ("组名", "Group name"),
        "summary": ("概要", "Summary"),
        "summary_note": ("概要说明", "About the summary"),
        "measures": ("举措数", "Measures"),
        "events": ("活动数", "Events"),
        "event_ids": ("活动", "Events"),
        "figures": ("数字数", "Figures"),
        "figure_ids": ("数字", "Figures"),
        "programmes": ("项目/品牌", "Programmes"),
        "keywords": ("关键词", "Keywords"),
        "cites": ("原文段落", "Source ¶"),
        "label": ("指标", "Figure"),
        "value": ("数值", "Value"),
        "display": ("表述", "Amount"),
        "unit": ("单位", "Unit"),
        "currency": ("币种", "Currency"),
        "qualifier": ("限定", "Qualifier"),
        "ordinal": ("排名", "Rank"),
        "aim": ("目标措辞", "Worded as an aim"),
        "year": ("年份", "Year"),
        "time": ("时间", "As of"),
        "kind": ("类型", "Kind"),
        "scope": ("范围", "Scope"),
        "original": ("原文", "Original wording"),
        "note": ("说明", "Note"),
        "notes": ("说明", "Notes"),
        "date": ("日期", "Date"),
        "start": ("开始", "Start"),
        "end": ("结束", "End"),
        "precision": ("精度", "Precision"),
        "what": ("日期性质", "What the date is"),
        "date_what": ("日期性质", "What the date is"),
        "year_known": ("年份依据", "Year known from"),
        "edition": ("届次", "Edition"),
        "city": ("城市", "City"),
        "place": ("地点", "Place"),
        "place_known": ("地点依据", "Place known from"),
        "action": ("行动", "Action"),
        "attribution": ("归属依据", "Attribution"),
        "text": ("内容", "Text"),
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
        "venue": ("场馆", "Venue"),
        "theme": ("主题", "Theme"),
        "presented_by": ("发布人", "Presented by"),
        "attendance": ("出席", "Attendance"),
        "ambassadors": ("大使国别", "Ambassadors from"),
        "plan": ("计划", "Plan"),
        "source": ("来源", "Source"),
        "directions": ("重点方向", "Key directions"),
        "directions_note": ("重点方向说明", "About the directions"),
        "offer_list": ("推介领域与优势", "What each city offers"),
        "related": ("关联", "Related"),
        "relation": ("关系", "Relation"),
        "series": ("系列", "Series"),
        "series_note": ("系列说明", "About the series"),
        "counts": ("数字", "Counts"),
        "source_count": ("来源数", "Sources"),
        "sources": ("引用来源", "Cited sources"),
        "records": ("引用记录数", "Records"),
        "outlet": ("媒体", "Outlet"),
        "issuer": ("发布方", "Issued by"),
        "author": ("作者", "Author"),
        "language": ("语言", "Language"),
        "reliability": ("来源评级", "Rating"),
        "caveat": ("注意", "Caveat"),
        "about": ("内容", "About"),
        "url": ("网址", "Address"),
        "file": ("文件", "File"),
        "as_of": ("时间", "As of"),
        "facts": ("事实", "Facts"),
        "topic": ("主题", "Topic"),
        "subject": ("对象", "Subject"),
        "shareholder": ("股东", "Shareholder"),
        "short_name": ("简称", "Short name"),
        "organisers": ("主办/承办", "Organisers"),
        "year_note": ("年份说明", "About the year"),
        "same_as": ("即计划中的活动", "Same as the plan's event"),
        "date_note": ("日期说明", "About the date"),
        "dates": ("日期", "Dates"),
        "status": ("进展", "Status"),
        "status_code": ("进展代码", "Status code"),
        "evidence": ("证据", "Evidence"),
        "evidence_date": ("证据日期", "Evidence date"),
        "wording": ("原文", "Wording"),
        "item": ("对象", "Item"),
        "reviewed": ("核查日期", "Reviewed"),
        "change": ("变化", "Change"),
        "old": ("原值", "Old"),
        "new": ("新值", "New"),
        "invitation": ("邀请", "Invitation"),
        "roles": ("职务", "Roles"),
        "edition_name": ("届次名称", "Edition name"),
        "weak": ("弱来源", "Weak source"),
        "column": ("列", "Column"),
        "goal": ("目标", "Goal"),
        "authors": ("作者", "Authors"),
        "cities": ("城市", "Cities"),
        "figure": ("数字", "Figure"),
        "numbering": ("段落编号", "Paragraph numbering"),
        "paragraphs": ("段落数", "Paragraphs"),
        "released_at": ("发布于", "Released at"),
        "sections": ("小标题", "Sections"),
    }.items()
}

WORDS: dict[str, Text] = {
    key: T(zh, en)
    for key, (zh, en) in {
        # words
        "not_stated": ("未说明", "not stated"),
        "date_not_stated": ("日期未说明", "date not stated"),
        "none": ("(无)", "(none)"),
        "not_applicable": ("—", "—"),
        "target": ("目标", "target"),
        "status": ("现状", "status"),
        "stated": ("原文明确", "stated"),
        "inferred": ("据文意推断", "inferred"),
        "group": ("仅归于本组", "group only"),
        "seeking": ("寻求合作", "seeking partners"),
        "industry": ("重点产业", "industry"),
        "cluster": ("特色集群", "featured cluster"),
        "strength": ("优势", "strength"),
        "lang_zh": ("中文", "Chinese"),
        "lang_en": ("英文", "English"),
        "yes": ("是", "yes"),
        "no": ("否", "no"),
        "primary": ("主要来源", "primary"),
        "official": ("官方(政府或主办方发布)", "official"),
        "major": ("主要媒体", "major outlet"),
        "minor": ("小型媒体", "minor outlet"),
        "release": ("新闻稿(未署发布方)", "press release"),
        "repost": ("转载", "repost"),
        "weak": ("弱来源", "weak"),
        "edition_kind": ("往届", "earlier edition"),
        "plan_year": ("计划年度", "plan year"),
        # qualifiers and values
        "qual_exact": ("确数", "exact"),
        "qual_about": ("约数", "about"),
        "qual_nearly": ("近", "nearly"),
        "qual_at_least": ("以上", "at least"),
        "qual_more_than": ("超过", "more than"),
        "qual_up_to": ("至多", "up to"),
        "q_exact": ("{amount}", "{amount}"),
        "q_about": ("约{amount}", "about {amount}"),
        "q_nearly": ("近{amount}", "nearly {amount}"),
        "q_at_least": ("{amount}以上", "at least {amount}"),
        "q_more_than": ("超过{amount}", "more than {amount}"),
        "q_up_to": ("最多{amount}", "up to {amount}"),
        "aim_more_than": ("力争突破{amount}", "aim to exceed {amount}"),
        "aim_at_least": ("力争达到{amount}以上", "aim for at least {amount}"),
        "aim_exact": ("力争{amount}", "aim for {amount}"),
        "amount_scaled": ("{n}{scale}{unit}", "{n} {scale} {unit}"),
        "amount_plain": ("{n}{unit}", "{n} {unit}"),
        "ordinal": ("第{n}{unit}", "{nth}"),
        "CNY": ("元", "yuan"),
        "USD": ("美元", "US dollars"),
        "precision_day": ("日", "day"),
        "precision_month": ("月", "month"),
        "precision_year": ("年", "year"),
        # dates and places
        "what_scheduled": ("预定", "scheduled"),
        "what_held": ("举办", "held"),
        "what_opened": ("开幕", "opened"),
        "what_closed": ("闭幕", "closed"),
        "what_reported": ("见于报道", "reported"),
        "what_during": ("会期中的一天", "a day during it"),
        "year_stated": ("年份原文明确", "year stated"),
        "year_page_date": ("年份据页面日期", "year from the page's date"),
        "year_context": ("年份据上下文", "year from context"),
        "year_not_stated": ("年份未说明", "year not stated"),
        "known_stated": ("原文明确", "stated"),
        "known_from_name": ("据名称", "from its name"),
        "known_inferred": ("据推断", "inferred"),
        "dated": ("{when}({what})", "{when} ({what})"),
        "place_known": ("{place}({known})", "{place} ({known})"),
        "weak_label": ("{text}({caveat})", "{text} ({caveat})"),
        "yearless": ("{md}(年份未说明)", "{md}, year not stated"),
        # statuses
        "st_no_report": ("未见报道", "no report found"),
        "st_scheduled": ("计划举办", "planned"),  # (a source names it among what is to be held, with or without a date)
        "st_opened": ("据报已开幕", "reported opened"),
        "st_held": ("据报已举办", "reported held"),
        "st_closed": ("据报已举办(闭幕)", "reported held (closed)"),
        "st_met": ("已达成", "met"),
        "st_partly_met": ("部分达成", "partly met"),
        "st_missed": ("未达成", "missed"),
        "status_line": ("{status}:{date},{source}", "{status}: {date}, {source}"),
        "as_of_line": ("截至{reviewed}核查。", "As of {reviewed}, the day the sources were last reviewed."),
        "no_report_meaning": ("“未见报道”不等于“未举办”:只说明所存资料中没有找到报道。",
                              "\"No report found\" does not mean \"did not happen\": only that no stored source reports it."),
        "reading_line": ("{date} {status}({source})", "{date} {status} ({source})"),
        "as_of_asked": ("按{as_of}当日的情况显示。", "Shown as it stood on {as_of}."),
        "as_of_asked_period": ("按截至{as_of}底的情况显示。", "Shown as it stood at the end of {as_of}."),  # a month or a year
        "as_of_after_review": ("{as_of}晚于最近一次核查({reviewed}),此后的资料未收存,所以显示的是截至{reviewed}的情况。",
                               "{as_of} is after the last review ({reviewed}): no later source is stored, so this is the status as of {reviewed}."),
        "as_of_period_after_review": ("{as_of}底晚于最近一次核查({reviewed}),此后的资料未收存,所以显示的是截至{reviewed}的情况。",
                                      "The end of {as_of} is after the last review ({reviewed}): no later source is stored, so this is the status as of {reviewed}."),
        "status_other_year": ("这是{plan_year}年的计划,其中没有{year}年的活动或目标。", "This is the plan for {plan_year}: it holds no events or targets in {year}."),
        "as_of_before_plan": ("{as_of}早于计划发布({released})。", "{as_of} is before the plan was released ({released})."),
        # diff
        "added": ("新增", "added"),
        "removed": ("删除", "removed"),
        "changed": ("变化", "changed"),
        # templates
        "person_role": ("{org}{title}", "{title}, {org}"),
        "person_line": ("{name}({roles})", "{name} ({roles})"),
        "city_title": ("{zh}", "{en} {zh}"),
        "action_title": ("行动{id}:{name}", "Action {id}: {name}"),
        "group_measures": ("本组({name})共有举措,未指定到具体行动", "Measures of group {id} not tied to one action"),
        "groups_title": ("四组十项行动", "{groups} groups, {actions} actions"),
        "year_events": ("{year}年活动", "Events in {year}"),
        "released": ("{date} · {event}", "{date} · {event}"),
        "record_title": ("{kind}:{title}", "{kind}: {title}"),
        "this_plan": ("本计划({year}年)", "this plan ({year})"),
        "figure_value": ("{label}:{display}", "{label}: {display}"),
        "our_rendering": ("(我们的译名)", " (our rendering)"),
        # titles
        "t_links": ("关联记录", "Linked records"),
        "t_also": ("同名的其他记录", "Also named so"),
        "t_history": ("历届", "Editions"),
        "t_counts": ("数字", "Counts"),
        "t_dates": ("日期", "Dates"),
        "t_facts": ("相关事实", "Facts"),
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
        "t_status": ("{year}年计划进展", "The {year} plan so far"),
        "t_status_history": ("进展记录", "Status readings"),
        "t_diff": ("两份计划的差异", "What changed between the plans"),
        "t_columns": ("可选的列", "Columns"),
    }.items()
}

MESSAGES: dict[str, Text] = {
    key: T(zh, en)
    for key, (zh, en) in {
        "invalid_plan": ("计划文件无效:{first}{more_text}", "invalid plan file: {first}{more_text}"),
        "more_problems": ("(另有{more}处问题;对该文件运行“sdpartner validate”可全部列出)", " (and {more} more problem(s); run 'sdpartner validate' on the file to list them)"),
        "not_found": ("找不到名为“{name}”的{kind}{guess}({hint})", "no {kind} named {name!r}{guess} ({hint})"),
        "guess": (";是不是“{guess}”?", "; did you mean {guess!r}?"),
        "hint_actions": ("请用编号({ids})或代号;“sdpartner actions list”可列出", "use a number ({ids}) or a slug; 'sdpartner actions list' shows them"),
        "hint_groups": ("行动组:{choices}", "groups: {choices}"),
        "hint_cities": ("城市:{choices}", "cities: {choices}"),
        "hint_series": ("系列:{choices}", "series: {choices}"),
        "hint_places": ("有记录的地点:{choices}", "places the records name: {choices}"),
        "hint_search": ("可用“sdpartner search”搜索其中的词", "try 'sdpartner search' with a word from it"),
        "ambiguous": ("“{name}”同时是{n}条记录的名称:{choices};请给出其中一个编号,例如 sdpartner show {first}",
                      "{name!r} names {n} records: {choices}; give one of these ids, e.g. sdpartner show {first}"),
        "part_of_names": ("“{name}”是{n}条记录名称的一部分:{choices};请给出其中一个编号", "{name!r} is part of the names of {n} records: {choices}; give one of these ids"),
        "no_bundled_plan": ("{directory} 中没有内置的计划:这次安装的 sdpartner 不完整;请重新安装,或用 --plan 指定计划文件",
                            "no bundled plan in {directory}: this installation of sdpartner is incomplete; reinstall it, or name a plan file with --plan"),
        "no_plan_year": ("没有{year}年的计划;内置的计划年度:{years}", "there is no plan for {year}; the bundled plan years are {years}"),
        "file_exists": ("{path}已存在;加上 --force 才会覆盖", "{path} exists; add --force to overwrite it"),
        "not_regular": ("{path}不是普通文件({what});--force 只替换普通文件", "{path} is {what}, not a regular file; --force replaces only regular files"),
        "is_directory": ("{path}是目录;请给出文件名", "{path} is a directory; give a file name"),
        "cannot_write_dir": ("无法在{path}中创建文件:{why}", "cannot create a file in {path}: {why}"),
        "cannot_write": ("无法写入{path}:{why}", "cannot write {path}: {why}"),
        "appeared": ("写入期间{path}出现了一个文件;它保持原样,未被替换", "a file appeared at {path} while the output was being written; it was left as it is"),
        "interrupted": ("已中断({signal});没有留下不完整的文件", "interrupted ({signal}); no partial output was left behind"),
        "unencodable": ("文件名{path}无法编码,无法写入", "the file name {path} cannot be encoded, so it cannot be written"),
        "wrote": ("已写入{files}", "wrote {files}"),
        "wrote_sqlite": ("已写入{files}(可用 sqlite3 或 datasette {db} -m {meta} 打开)", "wrote {files} (open it with sqlite3 or datasette {db} -m {meta})"),
        "bad_completion": ("补全请求需要 COMP_WORDS 和一个数字 COMP_CWORD(由 shell 设置)", "a completion request needs COMP_WORDS and a number in COMP_CWORD (the shell sets them)"),
        "stdin_closed": ("标准输入已关闭,MCP 服务器无从读取请求", "standard input is closed, so the MCP server has no requests to read"),
        "stdout_closed": ("标准输出已关闭,答案无处可写", "standard output is closed, so there is nowhere to write the answer"),
        "cannot_write_output": ("无法写出结果:{why}", "cannot write the output: {why}"),
        "encoding_warning": ("输出编码({encoding})无法显示中文,已写成\\u转义;请设置 PYTHONIOENCODING=utf-8 或使用 UTF-8 区域设置(如 LANG=C.UTF-8)",
                             "the output encoding ({encoding}) cannot show Chinese text, so it was written as \\u escapes; set PYTHONIOENCODING=utf-8 or use a UTF-8 locale (e.g. LANG=C.UTF-8)"),
        "internal_error": ("内部错误:{error}。这是 sdpartner 的缺陷;请设置 SDPARTNER_TRACEBACK=1 重新运行查看详情并报告",
                           "internal error: {error}. This is a bug in sdpartner; run again with SDPARTNER_TRACEBACK=1 to see the traceback, and report it"),
        "takes_no_format": ("{command} 不接受 --format:它的输出只有一种", "{command} takes no --format: it writes one kind of output"),
        "bad_choice": ("{option} 应为以下之一:{choices},而不是“{value}”", "{option} must be one of {choices}, not {value!r}"),
        "empty_value": ("{option} 为空;请给出一个值", "{option} is empty; give it a value"),
        # Typer's (click's) usage errors, worded for a Chinese reader (the English is click's own wording)
        "u_not_int": ("{option} 应为整数,而不是“{value}”", "Invalid value for {option}: {value!r} is not a valid integer."),
        "u_out_of_range": ("{option} 应在 {range} 范围内,而不是 {value}", "Invalid value for {option}: {value} is not in the range {range}."),
        "u_invalid": ("{option} 的值无效:{why}", "Invalid value for {option}: {why}"),
        "u_no_option": ("没有选项 {option}{more}", "No such option: {option}{more}"),
        "u_option_guess": (";是不是 {near}?", " Did you mean {near}?"),
        "u_option_choices": ("(相近的选项:{choices})", " (Possible options: {choices})"),
        "u_no_command_given": ("缺少命令", "Missing command."),
        "u_no_command": ("没有命令“{command}”{more}", "No such command {command!r}.{more}"),
        "u_command_guess": (";是不是“{near}”?", " Did you mean {near!r}?"),
        "u_missing": ("缺少参数 {name}", "Missing argument {name!r}."),
        "u_missing_option": ("缺少选项 {name}", "Missing option {name!r}."),
        "u_extra": ("多余的参数:{args}", "Got unexpected extra argument(s) ({args})"),
        "u_needs_value": ("选项 {option} 需要一个值", "Option {option!r} requires an argument."),
        "u_takes_no_value": ("选项 {option} 不接受值", "Option {option!r} does not take a value."),
        "u_handed_down": ("{option} 只用于“{command}”本身,不用于“{sub}”", "Invalid value for {option}: it applies to {command!r} itself, not to {sub!r}"),
        "try_help": ("用“{command} -h”查看帮助。", "Try '{command} -h' for help."),
        "no_status_year": ("{year}年的计划不在内置数据中;内置的计划年度:{years}", "there is no bundled plan for {year}; the bundled plan years are {years}"),
        "calendar_left_out": ("{n}项活动或往届没有同时写明年份和日的日期,未写入日历;用 sdpartner events 查看", "{n} events and editions have no date with both a year and a day and were left out of the calendar; see them with sdpartner events"),
        "no_history": ("SDPARTNER_HISTORY 指向的 {path} 不存在", "SDPARTNER_HISTORY names {path}, which does not exist"),
        "empty_history": ("SDPARTNER_HISTORY 指向的目录 {path} 里没有历史文件(*.toml)", "SDPARTNER_HISTORY names {path}, a directory with no history files (*.toml) in it"),
        "empty_query": ("搜索词为空;请给出一个或多个词,例如 sdpartner search lithium", "the search query is empty; give one or more words, e.g. sdpartner search lithium"),
        "query_too_long": ("搜索词过长({n}个字符);最多{limit}个字符", "the search query is too long ({n} characters); the limit is {limit}"),
        "bad_kind": ("{option} 应为以下之一:{choices},而不是“{value}”", "{option} must be one of {choices}, not {value!r}"),
        "reversed_range": ("--from({since})晚于 --to({until}):这个时段里没有一天", "--from ({since}) is after --to ({until}): no day is in that range"),
        "bad_date": ("{option} 应为日期,例如 2024、2024-08、2024-08-28 或 2024年8月28日,而不是“{value}”", "{option} must be a date such as 2024, 2024-08 or 2024-08-28, not {value!r}"),
        "columns_help": ("--columns 可用的列:{valid}", "--columns takes comma-separated names of: {valid}"),
        "no_such_column": ("--columns:没有名为“{name}”的列;可用的列:{valid}", "--columns: no column named {name!r}; the columns are: {valid}"),
        "columns_not_listing": ("--columns 只适用于列表命令", "--columns applies to listings only"),
        "empty_output": ("--output 为空;请给出文件名,或用“-”表示标准输出", "--output is empty; give a file name, or '-' for standard output"),
        "needs_output": ("--format {fmt} 会写出文件:请用 --output 指定,例如 --output {example}", "--format {fmt} writes a file: give one with --output, e.g. --output {example}"),
        "problems_found": ("{which}中发现{n}处问题", "{n} problem(s) found in {which}"),
        "valid": ("有效:{which}({counts})", "valid: {which} ({counts})"),
        "bundled_plan": ("内置计划", "the bundled plan"),
        # search notes
        "diff_backwards": ("OLD 是{later}年的计划,晚于 NEW 的{earlier}年计划:显示的是从{later}年回到{earlier}年的变化。",
                           "OLD is the plan for {later}, later than NEW's {earlier}: the changes read backwards, from {later} to {earlier}."),
        "diff_in_year_order": ("{file}是{later}年的计划,晚于它所比较的{earlier}年计划:显示的是从{earlier}年到{later}年的变化。",
                               "{file} is the plan for {later}, later than the {earlier} plan it is compared with: the changes read from {earlier} to {later}."),
        "search_elsewhere": ("没有哪一行含有“{query}”的每个词;搜索(sdpartner search \"{query}\")会查找所有记录。",
                             "No row holds every word of '{query}'; search (sdpartner search \"{query}\") looks in every record and corrects typos."),
        "no_hits": ("计划中没有提到“{query}”。", "The plan does not mention '{query}'."),
        "amount_words": ("“{query}”是金额的用词:请搜索一个金额,例如 7500亿元 或 750 billion yuan。",
                         "'{query}' only names a currency or a scale: search for an amount, such as 750 billion yuan or 7500亿元."),
        "no_hits_kind": ("没有{kind}提到“{query}”。", "No {kind} mentions '{query}'."),
        "not_mentioned": ("没有记录用到“{word}”一词。", "No record uses the word '{word}'."),
        "not_mentioned_many": ("没有记录用到这些词:{words}。", "No record uses these words: {words}."),
        "did_you_mean": ("最接近的词:{near}。", "Did you mean: {near}?"),
        "corrected": ("显示的是“{corrected}”的结果;要按原词搜索,请加 --as-typed:sdpartner search --as-typed \"{query}\"",
                      "Showing results for '{corrected}'; to search for what you typed instead: sdpartner search --as-typed \"{query}\""),
        "number_written": ("没有记录的数值等于{number};列出的记录在文字中写到了它。", "No record has the value {number}; the records listed write it in their words."),
        "date_no_match": ("没有记录的日期落在{date}。", "No record is dated {date}."),
        "no_such_date": ("“{date}”不是日历上的日期。", "'{date}' is no date on the calendar."),
        "number_no_match": ("没有记录的数值等于{number}。", "No record has the value {number}."),
        # filters
        "undated_in_span": ("这些年份里另有{n}项活动没有日期,无从知道是否落在该范围内,未列出;用 {command} 查看",
                            "{n} more event(s) of those years have no date, so whether they fall in that span is not known; they are not listed: see them with {command}"),
        "year_outside": ("{year}年没有记录;数据覆盖的年份:{years}", "nothing is recorded for {year}; the data covers the years {years}"),
        "mcp_missing": ("sdpartner mcp 需要可选组件:pip install 'sdpartner[mcp]'(在源码目录中:pip install '.[mcp]')", "sdpartner mcp needs the optional extra: pip install 'sdpartner[mcp]' (in a checkout: pip install '.[mcp]')"),
    }.items()
}

# number words, largest first: (size, word); a number is written with one only from a million up
SCALES: dict[Lang, tuple[tuple[float, str], ...]] = {
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")),
}

# whether tables show a separate Chinese-name column: only when the view is not already in Chinese
CHINESE_COLUMN: dict[Lang, bool] = {"en": True, "zh": False}

FIELDS: dict[str, Text] = {
    code: T(zh, en)
    for code, (zh, en) in {"id": ("编号", "id"), "name": ("名称", "name"), "alias": ("别名", "alias"), "keyword": ("关键词", "keyword"),
                           "text": ("正文", "text"), "related": ("关联记录", "related"), "number": ("数值", "number"), "date": ("日期", "date")}.items()
}


def label(key: str, lang: Lang) -> str:
    """The column label of ``key`` (a key without a label reads as itself, capitalised)."""
    t = LABELS.get(key)
    return t.pick(lang) if t is not None else key.replace("_", " ").capitalize()


# A plan file's problems, as the loader, msgspec and the checks word them in English -> the Chinese for them
# (``problem``); a problem of no form here is shown as it is worded.
PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"no such file", "文件不存在"),
    (r"permission denied: the file cannot be read", "没有权限,无法读取该文件"),
    (r"cannot be read: (?P<why>.+)", "无法读取:{why}"),
    (r"is a directory, not a plan file", "是目录,不是计划文件"),
    (r"is (?P<what>.+), not a regular file; a plan must be a TOML file", "是{what},不是普通文件;计划必须是 TOML 文件"),
    (r"file is larger than (?P<n>\d+) MiB; plan files are limited to that", "文件超过 {n} MiB;计划文件不得超过此大小"),
    (r"file is empty", "文件为空"),
    (r"file is binary \(contains NUL bytes\), not a TOML text file", "文件是二进制文件(含 NUL 字节),不是 TOML 文本文件"),
    (r"not valid UTF-8 \(byte (?P<byte>0x[0-9a-f]+)\); save the file as UTF-8", "不是有效的 UTF-8(字节 {byte});请以 UTF-8 保存文件"),
    (r"TOML syntax error: (?P<why>.+)", "TOML 语法错误:{why}"),
    (r"TOML nesting is too deep to parse", "TOML 嵌套过深,无法解析"),
    (r"(?:document is )?nested too deeply", "嵌套过深"),
    (r"unknown field; expected one of: (?P<fields>.+)", "未知字段;应为以下之一:{fields}"),
    (r"this sdpartner reads data format (?P<ours>\d+); the file is format (?P<theirs>\S+)", "此版本的 sdpartner 读取数据格式 {ours};该文件为格式 {theirs}"),
    (r"required field is missing", "缺少必填字段"),
    (r"object missing required field `(?P<name>.+)`", "缺少必填字段“{name}”"),
    (r"object contains unknown field `(?P<name>.+)`", "包含未知字段“{name}”"),
    (r"invalid enum value (?P<value>.+)", "无效的取值 {value}"),
    (r"expected `(?P<want>[^`]+)`, got `(?P<got>[^`]+)`", "应为 {want},而不是 {got}"),
    (r"expected `(?P<want>[^`]+)` (?P<op>[<>]=?) (?P<bound>\S+)", "应为 {op} {bound} 的 {want}"),
    (r"expected `(?P<want>[^`]+)` of length (?P<op>[<>]=?) (?P<bound>\d+)", "应为长度 {op} {bound} 的 {want}"),
    (r"expected `str` matching regex (?P<regex>.+)", "应为符合格式 {regex} 的文本"),
    (r"duplicate id (?P<id>.+)", "编号 {id} 重复"),
    (r"duplicate slug (?P<id>.+)", "代号 {id} 重复"),
    (r"(?P<id>.+) is not a known (?P<kinds>.+) id", "{id} 不是已知的 {kinds} 编号"),
    (r"an event that is not part of a series needs a name", "不属于系列的活动需要名称"),
    (r"paragraph (?P<n>\d+) is out of range: the article has paragraphs 0-(?P<last>\d+)", "段落 {n} 超出范围:文章的段落为 0-{last}"),
    (r"action (?P<a>\d+) belongs to group (?P<g>\d+), not group (?P<h>\d+)", "行动 {a} 属于第 {g} 组,而不是第 {h} 组"),
    (r"(?P<day>\S+) is not in the year (?P<year>\d+)", "{day} 不在 {year} 年内"),
    (r"impossible date: (?P<why>.+)", "不可能的日期:{why}"),
    (r"cite the article's paragraphs or a source.*", "请引用文章的段落或某个来源"),
    (r"expected a finite number, got (?P<value>.+)", "应为有限的数,而不是 {value}"),
    (r"edition_name (?P<t>'.*'|\".*\"): unknown placeholder (?P<p>\{.*\}); use \{nth\} \(1st\), \{cn\} \(一\) or \{n\} \(1\)",
     "edition_name {t}:未知的占位符 {p};请用 {{nth}}(1st)、{{cn}}(一)或 {{n}}(1)"),
    (r"edition_name (?P<t>'.*'|\".*\"): (?P<why>.+) \(write \{\{ and \}\} for a brace\)", "edition_name {t}:{why}(花括号请写作 {{{{ 或 }}}})"),
)


def problem(what: str, lang: str) -> str:
    """A plan file's problem in ``lang``: in Chinese where its form is one of ``PROBLEMS``, else as it is worded."""
    if lang != "zh":
        return what
    import re

    for pattern, zh in PROBLEMS:
        found = re.fullmatch(pattern, what, re.I | re.S)
        if found is not None:
            return zh.format(**found.groupdict())
    return what


_LANGUAGES: dict[str, Lang] = {"zh": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh", "汉字": "zh", "简体中文": "zh", "cn": "zh",
                                "en": "en", "english": "en", "英文": "en", "英语": "en", "c": "en", "posix": "en"}  # C.UTF-8: a container's


def language(value: str) -> Lang | None:
    """The language a value names, written as people and locales write it: zh, zh_CN, zh-Hans, zh_CN.UTF-8, 中文,
    Chinese; en, en_US.UTF-8, English. None for any other."""
    word = value.strip().lower()
    for cut in (".", "@"):  # a locale's encoding and modifier: zh_CN.UTF-8, zh_CN@pinyin
        word = word.partition(cut)[0]
    return _LANGUAGES.get(word) or _LANGUAGES.get(word.replace("-", "_").partition("_")[0] if word[:3] in ("zh_", "zh-", "en_", "en-") else "")


def env_language() -> Lang | None:
    """The language SDPARTNER_LANG names (as ``language`` reads it), or None when it is unset or names none."""
    import os

    return language(os.environ.get("SDPARTNER_LANG", ""))


def field_label(name: str, lang: Lang, *, listed: bool = False) -> str:
    """The label of a record's field ``name``; ``listed``: its value is a list, which for a reference (``events``) is
    the records' ids (``event_ids``), not their count."""
    ids = f"{name[:-1]}_ids"
    return label(ids if listed and ids in LABELS else name, lang)


def yes_no(lang: Lang) -> dict[str, str]:
    """The words people read for true and false (a column's labels, keyed by the value's name)."""
    return {"True": say("yes", lang), "False": say("no", lang)}


def say(key: str, lang: Lang, **values: object) -> str:
    """The word or filled template ``key`` in ``lang``."""
    text = WORDS[key].pick(lang)
    return text.format(**values) if values else text


def words_for(codes: dict[str, Text] | tuple[str, ...], lang: Lang, prefix: str = "") -> dict[str, str]:
    """code -> word in ``lang``, for a column of coded values."""
    if isinstance(codes, dict):
        return {code: t.pick(lang) for code, t in codes.items()}
    return {code: say(prefix + code, lang) for code in codes}


def _value(v: Any, lang: Lang) -> Any:
    if hasattr(v, "pick"):  # a Text, or a message inside a message
        return v.pick(lang)
    if isinstance(v, (list, tuple)):
        return ", ".join(str(_value(x, lang)) for x in v)
    return v


def message(code: str, lang: str, params: dict[str, Any]) -> str:
    """A message (error or note) in ``lang``, its values worded in the same language."""
    chosen: Lang = "zh" if lang == "zh" else "en"
    values = {k: _value(v, chosen) for k, v in params.items()}
    if code == "invalid_plan":
        more = values.get("more", 0)
        values["more_text"] = MESSAGES["more_problems"].pick(chosen).format(more=more) if more else ""
    if "guess" in values:
        values["guess"] = MESSAGES["guess"].pick(chosen).format(guess=values["guess"]) if values["guess"] else ""
    return MESSAGES[code].pick(chosen).format(**values)
