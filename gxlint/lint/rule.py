"""What a rule is: metadata, options, and the context it runs in.

A rule is a class::

    class MissingContact(Rule):
        \"\"\"The report gives no way to contact the office.

        ...explanation...

        Anti-pattern::

            （一段没有地址、电话和邮箱的前言）

        Best practice::

            联系地址：示例县人民政府大楼；联系电话：0000-1234567。
        \"\"\"

        code = "GX301"
        name = "missing-contact"
        severity = "error"
        summary = "no address, phone or email to contact the office"
        summary_zh = "未提供联系方式（地址、电话、电子邮箱均缺失）"
        doc_zh = "……"
        spec = "good-practice"

        messages = {
            "missing": Message(zh="报告未提供联系方式：{missing}", en="the report gives no {missing_en}",
                               fix_zh="在前言中写明联系地址、电话和电子邮箱", fix_en="give an address, …"),
        }

        def check(self, report, ctx):
            if ...:
                yield ctx.say(report.title_span, "missing", missing=Phrase("地址", "address"))

What the rule says is data beside it (``messages``: one :class:`Message` per thing it can say, in
both languages, filled by named fields); ``check()`` is the logic.  The docstring (English) and ``doc_zh`` (Chinese) are the rule's documentation: ``gxlint explain``,
docs/rules/ and SARIF help are generated from them.  Code, name and default severity are public API.
"""

from __future__ import annotations

import hashlib
import inspect
import re
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Mapping, NamedTuple

from gxlint.finding import SEVERITIES, Finding
from gxlint.model import Span

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.lint.conditions import Crash
    from gxlint.model import Report
    from gxlint.read.templates import Template, Templates

CODE_RE = re.compile(r"^[A-Z]{1,6}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Phrase(NamedTuple):
    """A field value that is worded differently in each language (``Phrase("自然人", "natural
    persons")``); any other field value is the same in both."""

    zh: str
    en: str

    def __str__(self) -> str:  # pragma: no cover - a Phrase is meant to be resolved, not printed
        return self.en


def place(report: "Report", where: Any) -> Phrase:
    """Where ``where`` (a Span, a model node with a ``span``, or a line number: the whole line) is,
    as a person finds it in the file: for a message that names another place than its finding's own
    (the finding's place is given with it).  ``第 78 行`` / ``line 78`` in a text file; in a Word, web or
    PDF file the place there, ``第 15 段``, ``表 2 第 5 行第 3 列``, ``第 3 页第 12 行``, ``网页源码第 71 行``
    (the line of the text gxlint read only when the file's own place is not known)."""
    from gxlint.finding import describe

    if isinstance(where, int):
        line, column = where, None
    else:
        span = getattr(where, "span", where)
        line, column = span.line, span.column
    source = report.source
    origin = source.locate(line, column)
    if origin is not None:
        location = {"form": source.form, **origin.to_dict()}
        zh = describe(location, "zh")
        if zh:
            return Phrase(zh, describe(location, "en"))
    else:
        line = source.origin(line, column or 1)[0]
    return Phrase(f"第 {line} 行", f"line {line}")


@dataclass(frozen=True)
class Message:
    """One thing a rule can say: the message and, when the rule knows the correction, the fix, in
    Chinese and English.  ``{name}`` marks a field filled at the finding (``str.format`` syntax,
    so ``{n:,}`` works and a literal brace is ``{{``); both languages use the same fields."""

    zh: str
    en: str
    fix_zh: str | None = None
    fix_en: str | None = None

    def text(self, lang: str, fields: Mapping[str, Any]) -> tuple[str, str | None]:
        """The message and the fix in ``lang`` with ``fields`` filled in."""
        values = {
            k: (v.zh if lang == "zh" else v.en) if isinstance(v, Phrase) else v for k, v in fields.items()
        }
        message = (self.zh if lang == "zh" else self.en).format_map(values)
        fix = self.fix_zh if lang == "zh" else self.fix_en
        return message, (fix.format_map(values) if fix is not None else None)

    def problems(self) -> list[str]:
        """Problems with the message itself: a language missing, or fields the two languages do not
        share (a fix may use fewer fields than the message, but the same in both languages)."""
        out: list[str] = []
        if not (isinstance(self.zh, str) and self.zh and isinstance(self.en, str) and self.en):
            return [Said("needs both zh and en text", "须同时有中文和英文")]
        if (self.fix_zh is None) != (self.fix_en is None):
            out.append(Said("gives a fix in one language only", "只用一种语言给出了修改建议"))
        for a, b, what in ((self.zh, self.en, "message"), (self.fix_zh, self.fix_en, "fix")):
            if a is None or b is None:
                continue
            try:
                fa, fb = _fields(a), _fields(b)
            except ValueError as exc:
                out.append(Said(f"{what}: {exc}", f"{_WHAT_ZH[what]}：{exc}"))
                continue
            if fa != fb:
                out.append(
                    Said(
                        f"{what}: zh has fields {sorted(fa)}, en has {sorted(fb)}",
                        f"{_WHAT_ZH[what]}：中文有字段 {sorted(fa)}，英文有字段 {sorted(fb)}",
                    )
                )
        return out


_WHAT_ZH = {"message": "提示", "fix": "修改建议"}


class Said(str):
    """A problem found in a plugin's declarations: the English text (it is a ``str``), and the
    same in Chinese as ``zh``."""

    zh: str

    def __new__(cls, en: str, zh: str) -> "Said":
        out = super().__new__(cls, en)
        out.zh = zh
        return out


def chinese(problem: str) -> str:
    """A problem's Chinese text (a plain ``str`` stands for itself)."""
    return getattr(problem, "zh", problem)


def _fields_of(message: Message) -> set[str]:
    """Every field a message (and its fix) names, in either language; none when one is malformed
    (:meth:`Message.problems` says so)."""
    out: set[str] = set()
    for text in (message.zh, message.en, message.fix_zh, message.fix_en):
        if isinstance(text, str):
            try:
                out |= _fields(text)
            except ValueError:
                pass
    return out


def reserved_fields() -> tuple[str, ...]:
    """The names a message's fields cannot have: the keyword parameters of :meth:`RuleContext.say`
    (``severity``, ``key``), which it takes itself."""
    return tuple(
        p.name
        for p in inspect.signature(RuleContext.say).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    )


def _fields(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    }


#: ``type`` is also the name of an Option field: annotations inside the class use this alias
_Type = type


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its help text, and the type a configured value must have.

    ``type`` defaults to the type of ``default`` (an ``int`` option also takes no ``bool``; a
    ``float`` option also takes an ``int``); give a tuple of types to accept several.  For a list
    option (a ``list`` or ``tuple`` default; a YAML list is accepted for either), ``item_type`` is
    the type every item must have; it defaults to the type of the default's items when they all
    have one.  A configured value of another type is a configuration error naming the file and
    line, so ``check()`` only ever sees values of the declared types.

    A number option (or a list of numbers) may declare the range of its values, ``minimum`` and
    ``maximum`` (both included); a value outside it is a configuration error too.  A ``float``
    option never takes NaN (``.nan`` in YAML).
    """

    default: Any
    help: str
    type: _Type | tuple[_Type, ...] | None = None
    item_type: _Type | tuple[_Type, ...] | None = None
    #: the help in Chinese (``help`` stands in for it when empty)
    help_zh: str = ""
    #: the least value a number option (or each number of a list option) may have, or None
    minimum: int | float | None = None
    #: the greatest value, or None
    maximum: int | float | None = None

    def text(self, lang: str = "en") -> str:
        """The help in ``lang``."""
        return self.help_zh if lang == "zh" and self.help_zh else self.help

    @property
    def types(self) -> tuple[_Type, ...]:
        t = self.type or type(self.default)
        return _widen(t if isinstance(t, tuple) else (t,))

    @property
    def is_list(self) -> bool:
        return any(t in (list, tuple) for t in self.types)

    @property
    def item_types(self) -> tuple[_Type, ...] | None:
        """The types a list option's items must have (None: any)."""
        t: Any = self.item_type
        if t is None and self.is_list and isinstance(self.default, (list, tuple)) and self.default:
            kinds = {type(v) for v in self.default}
            t = kinds.pop() if len(kinds) == 1 else None
        if t is None:
            return None
        return _widen(t if isinstance(t, tuple) else (t,))

    def describe(self, lang: str = "en") -> str:
        """The accepted type in words: ``bool``, ``int or float``, ``list of str`` (in Chinese
        ``int 或 float``, ``str 的列表``)."""
        either = " 或 " if lang == "zh" else " or "
        items = self.item_types
        if self.is_list and items is not None:
            names = either.join(t.__name__ for t in items)
            return f"{names} 的列表" if lang == "zh" else f"list of {names}"
        return either.join(t.__name__ for t in self.types if t is not tuple or list not in self.types)

    def problem(self, value: Any) -> tuple[int, Any] | None:
        """Why ``value`` is not a valid value: ``(0, value)`` when its type is wrong, ``(i, item)``
        when the i-th (1-based) item of a list is; None when it is valid."""
        if not _is_instance(value, self.types):
            return 0, value
        items = self.item_types
        if items is not None and isinstance(value, (list, tuple)):
            for i, item in enumerate(value, 1):
                if not _is_instance(item, items):
                    return i, item
        return None

    def out_of_range(self, value: Any) -> tuple[int, Any, str, str] | None:
        """Why ``value`` (of the right type) is not a valid value all the same: ``(i, number, en,
        zh)`` for a number (the i-th item of a list; 0 for the value itself) that is NaN or outside
        ``minimum``..``maximum``, the reason in English and Chinese; None when it is valid."""
        numbers = enumerate(value, 1) if isinstance(value, (list, tuple)) else ((0, value),)
        for i, number in numbers:
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                continue
            if number != number:  # NaN compares unequal to itself
                return i, number, "a number", "数值"
            low, high = self.minimum, self.maximum
            if (low is not None and number < low) or (high is not None and number > high):
                if low is not None and high is not None:
                    return i, number, f"between {low} and {high}", f"{low} 到 {high} 之间的数"
                if low is not None:
                    return i, number, f"at least {low}", f"不小于 {low} 的数"
                return i, number, f"at most {high}", f"不大于 {high} 的数"
        return None

    def validate(self) -> list[str]:
        """Problems with the option's own declaration (its default must be a valid value)."""
        for bound in ("minimum", "maximum"):
            value = getattr(self, bound)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, (int, float)) or value != value
            ):
                return [Said(f"{bound} {value!r} is not a number", f"{bound} {value!r} 不是数值")]
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            return [
                Said(
                    f"minimum {self.minimum!r} is greater than maximum {self.maximum!r}",
                    f"minimum {self.minimum!r} 大于 maximum {self.maximum!r}",
                )
            ]
        if self.item_type is not None and not self.is_list:
            return [
                Said(
                    "item_type is only for list options (a list or tuple default)",
                    "item_type 只用于列表选项（默认值为 list 或 tuple）",
                )
            ]
        if self.problem(self.default) is not None:
            wanted = self.describe()
            return [
                Said(
                    f"default {self.default!r} is not {'a ' + wanted if self.is_list else wanted}",
                    f"默认值 {self.default!r} 不是 {self.describe('zh')}",
                )
            ]
        wrong = self.out_of_range(self.default)
        if wrong is not None:
            _, number, en, zh = wrong
            return [
                Said(
                    f"default {self.default!r} is not {en} ({number!r})", f"默认值 {self.default!r} 不是{zh}"
                )
            ]
        return []


def _widen(types: tuple[type, ...]) -> tuple[type, ...]:
    out = list(types)
    if float in out and int not in out:
        out.insert(out.index(float), int)
    if list in out and tuple not in out:
        out.append(tuple)
    elif tuple in out and list not in out:
        out.append(list)
    return tuple(out)


def _is_instance(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "error"
    summary: ClassVar[str] = ""
    summary_zh: ClassVar[str] = ""
    doc_zh: ClassVar[str] = ""
    spec: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    #: what the rule can say, by key (see :class:`Message` and :meth:`RuleContext.say`)
    messages: ClassVar[Mapping[str, Message]] = {}
    #: False for a rule that also has something to say about a file with no text at all (a file
    #: that could not be read or decoded): the engine runs only such rules on it.  On a path that
    #: cannot be read at all (it does not exist) they run whatever ``select`` says
    needs_text: ClassVar[bool] = True
    #: True for a rule that reports crashes (``ctx.crashes``: the rules, the reader or the run that
    #: failed on this file; see gxlint.lint.conditions): it runs after every other rule, and
    #: whatever ``select`` says (only ``ignore`` stops it), so that no crash goes unsaid
    reports_crashes: ClassVar[bool] = False
    #: True for the rule whose finding means the file is no annual report at all
    #: (``--skip-non-reports`` skips the files it reports)
    not_a_report: ClassVar[bool] = False
    #: for reports of this year and earlier, findings the rule would report as errors are warnings
    #: (the unified format did not yet bind those reports); None: the severity never depends on the
    #: report's year.  ``gxlint rules``, ``gxlint explain`` and docs/rules show it.
    relaxed_until: ClassVar[int | None] = None
    #: a cross-year rule: it compares the report with last year's (``ctx.previous``) and has
    #: nothing to say without it.  The runner reads both reports before running it, and runs it
    #: only on reports paired with their predecessor (docs/plugins.md, "Across years").
    uses_previous: ClassVar[bool] = False
    #: set by the plugin loader: which plugin contributed the rule
    plugin: ClassVar[str] = ""

    def check(self, report: "Report", ctx: "RuleContext") -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    # -- documentation ---------------------------------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The ``Anti-pattern::`` and ``Best practice::`` blocks of the docstring."""
        out: dict[str, str] = {}
        doc = cls.doc()
        for label, key in (("Anti-pattern", "bad"), ("Best practice", "good")):
            m = re.search(rf"^{label}::\n\n((?:(?:    .*)?\n)+)", doc + "\n", re.M)
            if m:
                out[key] = inspect.cleandoc("\n".join(line[4:] for line in m.group(1).splitlines()))
        return out

    @classmethod
    def explanation(cls, lang: str = "en") -> str:
        """The documentation without the examples, in ``lang``."""
        if lang == "zh" and cls.doc_zh:
            return inspect.cleandoc(cls.doc_zh)
        doc = cls.doc()
        cut = re.search(r"^(Anti-pattern|Best practice)::", doc, re.M)
        return doc[: cut.start()].rstrip() if cut else doc

    @classmethod
    def short(cls, lang: str = "en") -> str:
        return cls.summary_zh if lang == "zh" and cls.summary_zh else cls.summary

    @classmethod
    def validate(cls) -> list[str]:
        """Problems with this rule's metadata (empty when it is well formed)."""
        problems: list[str] = []
        if not CODE_RE.match(cls.code or ""):
            problems.append(
                Said(
                    f"code {cls.code!r} is not like GX201 (capital letters, then 3-4 digits)",
                    f"代码 {cls.code!r} 不符合 GX201 的形式（大写字母后接 3–4 位数字）",
                )
            )
        if not NAME_RE.match(cls.name or ""):
            problems.append(
                Said(f"name {cls.name!r} is not kebab-case", f"名称 {cls.name!r} 不是 kebab-case 形式")
            )
        if cls.severity not in SEVERITIES:
            problems.append(
                Said(
                    f"severity {cls.severity!r} is not one of {', '.join(SEVERITIES)}",
                    f"级别 {cls.severity!r} 不是 {'、'.join(SEVERITIES)} 之一",
                )
            )
        if not cls.summary:
            problems.append(Said("no summary", "没有 summary（简述）"))
        if cls.relaxed_until is not None and (
            not isinstance(cls.relaxed_until, int) or isinstance(cls.relaxed_until, bool)
        ):
            problems.append(
                Said(
                    f"relaxed_until {cls.relaxed_until!r} is not a year",
                    f"relaxed_until {cls.relaxed_until!r} 不是年份",
                )
            )
        if not isinstance(cls.messages, Mapping):
            problems.append(
                Said("messages is not a dict of key to Message", "messages 不是键到 Message 的字典")
            )
        else:
            for key, message in cls.messages.items():
                if not isinstance(message, Message):
                    problems.append(
                        Said(
                            f"message {key!r} is not a Message ({message!r:.40})",
                            f"提示 {key!r} 不是 Message（{message!r:.40}）",
                        )
                    )
                    continue
                problems.extend(
                    Said(f"message {key!r}: {p}", f"提示 {key!r}：{chinese(p)}") for p in message.problems()
                )
                taken = sorted(_fields_of(message) & set(reserved_fields()))
                if taken:
                    names = ", ".join(repr(n) for n in taken)
                    problems.append(
                        Said(
                            f"message {key!r} uses the reserved field name{'s' if len(taken) > 1 else ''} "
                            f"{names}: ctx.say takes {' and '.join(reserved_fields())} itself; "
                            "rename the field",
                            f"提示 {key!r} 使用了保留的字段名 {'、'.join(repr(n) for n in taken)}："
                            f"ctx.say 自己使用 {'、'.join(reserved_fields())} 参数，请给字段改名",
                        )
                    )
        if not callable(getattr(cls, "check", None)) or getattr(cls, "check", None) is Rule.check:
            problems.append(
                Said(
                    "no check() method: define check(self, report, ctx)",
                    "没有 check() 方法：请定义 check(self, report, ctx)",
                )
            )
        if not isinstance(cls.options, dict):
            problems.append(
                Said("options is not a dict of option name to Option", "options 不是选项名到 Option 的字典")
            )
        else:
            for name, option in cls.options.items():
                if not isinstance(option, Option):
                    problems.append(
                        Said(
                            f"option {name!r} is not an Option ({option!r:.40})",
                            f"选项 {name!r} 不是 Option（{option!r:.40}）",
                        )
                    )
                    continue
                problems.extend(
                    Said(f"option {name!r}: {p}", f"选项 {name!r}：{chinese(p)}") for p in option.validate()
                )
        return problems


#: what ``ctx.memo`` finds for a key not computed yet (None is a value a factory may return)
_MISSING: Any = object()


class RuleContext:
    """What a rule sees besides the report: its options, the detected template, the report year,
    the organ kind, last year's report of the same agency (``previous``: a Report, or None when
    the run has none), the crashes on this file (``crashes``, for the rules that report them), and
    :meth:`say` / :meth:`finding` to make findings in the run's language."""

    def __init__(
        self,
        rule: Rule,
        *,
        path: str,
        options: Mapping[str, Any],
        lang: str,
        template: "Template | None",
        templates: "Templates",
        organ: str | None,
        source_text: str = "",
        shared: dict[Any, Any] | None = None,
        previous: "Report | None" = None,
        crashes: "tuple[Crash, ...]" = (),
        running: "frozenset[str] | None" = None,
    ) -> None:
        self.rule = rule
        #: the codes of the rules run on this report (None: not known, as if every rule ran)
        self.running = running
        #: what failed on this file before this rule ran (for ``Rule.reports_crashes`` rules)
        self.crashes = crashes
        self.previous = previous
        self.path = path
        self.options = options
        self.lang = lang
        self.template = template
        self.templates = templates
        self.organ = organ
        self._text = source_text
        self._seen: dict[str, int] = {}
        self._shared = shared if shared is not None else {}

    def _for_rule(self, rule: Rule, options: Mapping[str, Any]) -> "RuleContext":
        """This context for another rule run on the same report: what is the same for every rule
        (the report's path, language, template, ``previous``, ``crashes``, ctx.memo's store) shared,
        the rule, its options and its findings' count its own.  What the engine makes for each rule
        after the first, without passing the same arguments again."""
        # each attribute set in __init__'s order: the instance keeps them in the class's shared
        # layout instead of a dict of its own, which copying ``__dict__`` would make and fill
        ctx = RuleContext.__new__(RuleContext)
        ctx.rule = rule
        ctx.running = self.running
        ctx.crashes = self.crashes
        ctx.previous = self.previous
        ctx.path = self.path
        ctx.options = options
        ctx.lang = self.lang
        ctx.template = self.template
        ctx.templates = self.templates
        ctx.organ = self.organ
        ctx._text = self._text
        ctx._seen = {}
        ctx._shared = self._shared
        return ctx

    def memo(self, key: Any, factory: Callable[[], Any]) -> Any:
        """A value computed once per report and shared by every rule that asks for the same key
        (an analysis several rules need, such as the numbers stated in the text).  Use a key that
        names your plugin, e.g. ``("myplugin", "claims")``.  The values are dropped when the
        report's rules are done."""
        value = self._shared.get(key, _MISSING)
        if value is _MISSING:
            value = self._shared[key] = factory()
        return value

    def runs(self, code: str) -> bool:
        """Whether the rule ``code`` runs on this report too (selected, not ignored): a rule leaves a
        finding to another only when that one will report it."""
        return self.running is None or code in self.running

    def option(self, name: str) -> Any:
        return self.options[name]

    def msg(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def say(
        self,
        where: Any,
        message: str,
        /,
        *,
        severity: str | None = None,
        key: str | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding at ``where`` saying the rule's message ``message`` (a key of ``Rule.messages``)
        with ``fields`` filled in; a field given as a :class:`Phrase` is worded per language.
        ``severity`` and ``key`` are as for :meth:`finding`."""
        text = self._message(message)
        zh, en = _resolved(fields)
        # only what the finding shows is formatted: the message and fix in the run's language
        # (the other language's fix only when this one is empty) and, for the fingerprint of a
        # finding without a key, the English message
        try:
            if self.lang == "zh":
                shown = text.zh.format_map(zh)
                fix = _fix(text.fix_zh, zh, text.fix_en, en)
                english = text.en.format_map(en) if key is None else ""
            else:
                shown = english = text.en.format_map(en)
                fix = _fix(text.fix_en, en, text.fix_zh, zh)
        except KeyError as exc:
            raise self._unfilled(message, exc) from None
        return self._finding(where, shown, fix, english, severity, key)

    def _message(self, message: str) -> "Message":
        """The rule's message ``message``; a misspelt key is named with the keys there are."""
        try:
            return self.rule.messages[message]
        except KeyError:
            there = ", ".join(map(repr, self.rule.messages)) or "none"
            raise LookupError(
                f"rule {self.rule.code} has no message {message!r} (its messages: {there})"
            ) from None

    def _unfilled(self, message: str, exc: KeyError) -> LookupError:
        return LookupError(
            f"message {message!r} of rule {self.rule.code} needs the field {exc.args[0]!r}, "
            f"which was not given"
        )

    def phrase(self, message: str, /, **fields: Any) -> Phrase:
        """The rule's message ``message`` in both languages, as a field for another message (a
        part that repeats, such as one row of a list).  Its fix, if any, is not used."""
        text = self._message(message)
        zh, en = _resolved(fields)
        try:
            return Phrase(text.zh.format_map(zh), text.en.format_map(en))
        except KeyError as exc:
            raise self._unfilled(message, exc) from None

    def finding(
        self,
        where: Any,
        zh: str,
        en: str,
        *,
        fix_zh: str | None = None,
        fix_en: str | None = None,
        severity: str | None = None,
        key: str | None = None,
    ) -> Finding:
        """A finding at ``where`` (a Span, or any model node with a ``span``).

        ``key`` identifies what was found for baselines (defaults to the text at the span), so a
        finding keeps its identity when lines are inserted above it.
        """
        fix = None
        if fix_zh is not None or fix_en is not None:
            fix = (fix_zh or fix_en) if self.lang == "zh" else (fix_en or fix_zh)
        return self._finding(where, self.msg(zh, en), fix, en, severity, key)

    def _finding(
        self, where: Any, message: str, fix: str | None, en: str, severity: str | None, key: str | None
    ) -> Finding:
        """:meth:`finding` with the message and fix in the run's language already chosen (``en``:
        the English message, which a finding without a ``key`` is fingerprinted by)."""
        span = where if isinstance(where, Span) else getattr(where, "span", None)
        if span is None:
            span = Span(1, 1, 1, 1, 0, 0)
        anchor = key if key is not None else self._text[span.start : span.end][:200]
        base = f"{self.rule.code}\x00{anchor}\x00{en}" if key is None else f"{self.rule.code}\x00{key}"
        digest = hashlib.sha1(base.encode("utf-8")).hexdigest()[:16]
        n = self._seen.get(digest, 0)
        self._seen[digest] = n + 1
        fingerprint = digest if n == 0 else f"{digest}-{n}"
        end_line, end_column = span.end_line, span.end_column
        if (end_line, end_column) <= (span.line, span.column):
            end_line, end_column = span.line, span.column + 1
        return Finding(
            self.path,
            span.line,
            span.column,
            end_line,
            end_column,
            self.rule.code,
            self.rule.name,
            severity or self.rule.severity,
            message,
            fix,
            fingerprint,
        )


def _resolved(fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A message's fields in Chinese and in English (a :class:`Phrase` worded per language), as
    :meth:`Message.text` fills them, in one pass for both."""
    zh: dict[str, Any] = {}
    en: dict[str, Any] = {}
    for k, v in fields.items():
        if isinstance(v, Phrase):
            zh[k], en[k] = v.zh, v.en
        else:
            zh[k] = en[k] = v
    return zh, en


def _fix(
    own: str | None, values: Mapping[str, Any], other: str | None, other_values: Mapping[str, Any]
) -> str | None:
    """The fix a finding shows: in the run's language (``own``), or the other language's when that
    one is empty or missing (as :meth:`RuleContext.finding` chooses)."""
    if own is not None:
        text = own.format_map(values)
        if text:
            return text
    return other.format_map(other_values) if other is not None else None
