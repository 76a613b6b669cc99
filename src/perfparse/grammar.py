"""Load and validate the declarative grammars in ``grammars/``.

Everything the normaliser knows about forms — labels and their synonyms, fund
lines and columns, the indicator level vocabulary, value vocabulary, and one
template per layout family — is YAML data here. Each file is validated by a
pydantic model that rejects unknown keys, so a typo in a grammar fails at
start-up with the file and the key named, not as a silent mis-parse.
"""

from __future__ import annotations

from pathlib import Path

from perfparse.errors import GrammarError, PatternTimeout
from perfparse.limits import PATTERN_SECONDS

_BUNDLED = Path(__file__).parent / "grammars"  # wheel installs (force-include)
_REPO = Path(__file__).resolve().parents[2] / "grammars"  # source checkouts / editable installs


def grammar_dirs(extra: Path | None = None) -> list[Path]:
    """The bundled grammar folder, then ``extra`` laid over it."""
    base = _BUNDLED if _BUNDLED.is_dir() else _REPO
    if not base.is_dir():
        raise GrammarError(f"grammar folder not found (looked in {_BUNDLED} and {_REPO}); "
                           "reinstall perfparse")
    dirs = [base]
    if extra is not None:
        if not extra.is_dir():
            raise GrammarError(f"{extra}: not a folder of grammar YAML files")
        dirs.append(extra)
    return dirs


# ---- the shapes of the grammar files -------------------------------------------------------

import unicodedata  # noqa: E402
from collections.abc import Callable, Mapping, Sequence  # noqa: E402
from functools import lru_cache  # noqa: E402
from typing import Annotated, Any, Literal, TypeVar  # noqa: E402

import regex  # noqa: E402
import yaml  # noqa: E402
from pydantic import (  # noqa: E402
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from perfparse.validate.records import FormKind, FundLineKind  # noqa: E402

FundColumn = Literal["project_total", "annual", "initial_budget", "adjusted_budget", "executed",
                     "execution_rate", "weight", "score", "budget", "extra"]
IndicatorRole = Literal["level1", "level2", "name", "target", "target_op", "target_number",
                        "target_unit", "actual", "weight", "score", "completion_rate",
                        "deviation_reason", "note", "extra"]
FieldPath = Literal["project.name", "project.nature", "project.category", "project.department",
                    "project.implementer", "project.start_date", "project.end_date",
                    "project.manager", "project.contact", "project.phone", "funds_unit",
                    "project.period", "project.manager_phone", "project.owner", "project.filer",
                    "project.budget_unit", "project.code",
                    "goals.overall", "goals.annual", "goals.actual"]


_M = TypeVar("_M", bound=BaseModel)
_T = TypeVar("_T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(v: str) -> str:
    try:
        regex.compile(v)
    except regex.error as e:
        raise ValueError(f"not a valid regular expression: {v!r} ({e})") from e
    return v


class TitleRule(_Strict):
    pattern: str
    kind: FormKind
    _v = field_validator("pattern")(_check_regex)


class TitleParts(_Strict):
    first: list[str]
    continuation: list[str]


class FundLabel(_Strict):
    label: str
    column: FundColumn | None = None  # the column a pair layout's amount beside it fills


class ImplausibleUnit(_Strict):
    unit: str
    min_printed: float
    treat_as: str


class Funds(_Strict):
    section: list[str]
    unit: str
    implausible: list[ImplausibleUnit] = Field(default_factory=list)
    lines: dict[FundLineKind, list[FundLabel]]
    lines_containing: dict[FundLineKind, list[str]] = Field(default_factory=dict)
    gov_levels: list[list[str]] = Field(default_factory=list)
    gov_money: str = ''
    columns: dict[FundColumn, list[str]]


class Indicators(_Strict):
    columns: dict[IndicatorRole, list[str]]
    total_row: list[str]
    section_ends: list[str] = Field(default_factory=list)
    op_cells: dict[str, str]
    fund_rows: list[str] = Field(default_factory=list)
    name_prefix: str
    placeholder: str
    annual_table: str
    other_table: str
    section_end_pattern: str
    _v = field_validator("name_prefix", "placeholder", "annual_table", "other_table",
                         "section_end_pattern")(
        _check_regex)


class Labels(_Strict):
    value_noise: list[str] = Field(default_factory=list)
    label_noise: list[str]
    titles: list[TitleRule]
    not_titles: list[str]
    title_parts: TitleParts
    fiscal_year: str
    title_year: str
    project_code: str
    project_class: str
    title_name: str
    period_date: str
    phone: str
    page_furniture: str
    next_label: str
    _v = field_validator("project_class", "title_name", "period_date", "phone",
                         "page_furniture", "next_label")(_check_regex)
    fields: dict[FieldPath, list[str]]
    value_vocabulary: dict[FieldPath, list[str]]
    captions: list[str]
    funds: Funds
    indicators: Indicators


class Level1(_Strict):
    level2: list[str]


class Levels(_Strict):
    level1: dict[str, Level1]
    cues: dict[str, str] = Field(default_factory=dict)
    suffix: str
    annotation: str
    combined: str
    _v = field_validator("suffix", "annotation", "combined")(_check_regex)


class LayoutMatch(_Strict):
    title: str
    _v = field_validator("title")(_check_regex)
    labels_any: list[str] = Field(default_factory=list)
    labels_all: list[str] = Field(default_factory=list)


class Layout(_Strict):
    name: str
    description: str = ""
    match: LayoutMatch
    form_kind: FormKind
    # Header label → role, consulted before the synonyms: what a layout states wins.
    columns: dict[str, IndicatorRole] = Field(default_factory=dict)
    # Roles by position, for a table whose header row is not printed or not recognised.
    indicator_columns: list[IndicatorRole] = Field(default_factory=list)
    level2_name_pattern: str | None = None
    _v = field_validator("level2_name_pattern")(lambda v: v if v is None else _check_regex(v))


Comparator = Literal["=", ">=", "<=", ">", "<"]
Word = Annotated[str, Field(min_length=1)]
Factor = Annotated[float, Field(gt=0)]


class ValueDates(_Strict):
    separators: list[Word] = Field(min_length=1)
    day_suffixes: list[Word] = Field(default_factory=list)


class Values(_Strict):
    """The shape of ``values.yaml`` (read by perfparse.normalise.values); see that file."""

    comparators: dict[Comparator, list[Word]] = Field(min_length=1)
    range_separators: list[Word] = Field(min_length=1)
    magnifiers: dict[Word, Factor] = Field(min_length=1)
    unscaled_units: list[Word] = Field(default_factory=list)
    symbol_units: list[Word] = Field(default_factory=list)
    units: list[Word] = Field(min_length=1)
    per_separators: list[Word] = Field(default_factory=list)
    brackets: list[tuple[Word, Word]] = Field(default_factory=list)
    sentence_punctuation: list[Word] = Field(default_factory=list)
    relative_markers: list[Word] = Field(default_factory=list)
    money_units: dict[Word, Factor] = Field(min_length=1)
    currency_symbols: list[Word] = Field(default_factory=list)
    unit_header_markers: list[Word] = Field(default_factory=list)
    score_units: list[Word] = Field(default_factory=list)
    percent_signs: list[Word] = Field(min_length=1)
    dates: ValueDates

    @model_validator(mode="after")
    def _one_op_per_spelling(self) -> Values:
        seen: dict[str, str] = {}
        for op, spellings in self.comparators.items():
            for s in spellings:
                other = seen.setdefault(unicodedata.normalize("NFKC", s), op)
                if other != op:
                    raise ValueError(f"comparator {s!r} is listed under both {other!r} and {op!r}")
        return self


class Lookalikes(_Strict):
    """The shape of ``lookalikes.yaml``: one character → the text that replaces it."""

    map: dict[Annotated[str, Field(min_length=1, max_length=1)], str]


# ---- loading -------------------------------------------------------------------------------

# libyaml's loader when present: lookalikes.yaml alone takes 0.1 s in pure Python.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except OSError as e:
        raise GrammarError(f"{path}: cannot read ({e.strerror})") from e
    except yaml.YAMLError as e:
        raise GrammarError(f"{path}: not valid YAML: {e}") from e


def validate_model(model: type[_M], path: Path, data: Any) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '<top>'}: {err['msg']}"
                             for err in e.errors())
        raise GrammarError(f"{path}: {problems}") from e


def _merge(base: Any, over: Any) -> Any:
    """Lay an extra grammar file over the bundled one: dicts merge, lists extend."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(over, list):
        return over + [x for x in base if x not in over]
    return over


_WS = regex.compile(r"\s+")
_TRAILING_REMARK = regex.compile(r"[(（][^()（）]*[)）]$")
_REMARK = regex.compile(r"[(（][^()（）]{1,8}[)）]")


def label_key(text: str) -> str:
    """The form of a label used for lookups: NFKC, no whitespace, lower case."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


_KEY_CACHE = 200_000
MIN_SNAP = 4  # shorter labels are too near each other to tell one misread character


class TimedPattern:
    """A grammar pattern whose every use runs under a time limit: a pattern from a
    --grammars folder can backtrack without bound (``(a|aa)+$`` on a 43-character
    cell), and would then hang the file, or a parse run, until it is killed. Over the
    limit it raises :class:`PatternTimeout` naming the pattern."""

    __slots__ = ("_p", "_timeout", "pattern")

    def __init__(self, pattern: str, flags: int = 0, *, timed: bool = True) -> None:
        self._p = regex.compile(pattern, flags)
        self.pattern = pattern
        # The bundled grammar's own patterns are known to be linear: timing them would
        # only slow every cell down (a timed call costs several times an untimed one).
        self._timeout = PATTERN_SECONDS if timed else None

    def _timed(self, method: Any, text: str, *args: Any, **kw: Any) -> Any:
        try:
            return method(*args, timeout=self._timeout, **kw)
        except TimeoutError:
            raise PatternTimeout(f"the grammar pattern {self.pattern!r} ran for over "
                                 f"{PATTERN_SECONDS:g} s on a {len(text)}-character text "
                                 "(it backtracks without bound)") from None

    def search(self, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.search, s, s, *a, **kw)

    def match(self, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.match, s, s, *a, **kw)

    def fullmatch(self, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.fullmatch, s, s, *a, **kw)

    def findall(self, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.findall, s, s, *a, **kw)

    def finditer(self, s: str, *a: Any, **kw: Any) -> Any:
        # Listed here: a lazy iterator would run (and time out) outside this call.
        return iter(self._timed(lambda *b, **k: list(self._p.finditer(*b, **k)), s, s, *a,
                                **kw))

    def split(self, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.split, s, s, *a, **kw)

    def sub(self, repl: Any, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.sub, s, repl, s, *a, **kw)

    def subn(self, repl: Any, s: str, *a: Any, **kw: Any) -> Any:
        return self._timed(self._p.subn, s, repl, s, *a, **kw)


class Grammar:
    """All grammar files of one run, validated and compiled for fast lookups."""

    def __init__(self, labels: Labels, levels: Levels, layouts: list[Layout], values: Values,
                 lookalikes: Lookalikes, *, bundled: bool = False) -> None:
        def pattern(text: str, flags: int = 0) -> TimedPattern:
            return TimedPattern(text, flags, timed=not bundled)

        self._keys: dict[str, str] = {}
        self._memo: dict[tuple[str, str], Any] = {}
        self._lookups: dict[tuple[int, str], Any] = {}
        self.labels = labels
        self.levels = levels
        self.layouts = layouts
        self.values = values
        self.lookalikes = {ord(k): v for k, v in lookalikes.map.items()}  # for str.translate
        self.noise = [pattern(p) for p in labels.label_noise]
        self.value_noise = [pattern(p) for p in labels.value_noise]
        self.titles = [(pattern(t.pattern), t.kind) for t in labels.titles]
        self.not_titles = pattern("|".join(labels.not_titles))
        self.fiscal_year = pattern(labels.fiscal_year)
        self.title_year = pattern(labels.title_year)
        self.project_code = pattern(labels.project_code)
        self.project_class = pattern(labels.project_class)
        self.title_name = pattern(labels.title_name)
        self.period_date = pattern(labels.period_date)
        self.phone = pattern(labels.phone)
        self.next_label = pattern(labels.next_label)
        self.page_furniture = pattern(labels.page_furniture, regex.I)
        self.fund_unit = pattern(labels.funds.unit)
        self.fields = self._index({f: syn for f, syn in labels.fields.items()})
        self.vocab = {label_key(v): f for f, vs in labels.value_vocabulary.items() for v in vs}
        self.captions = {label_key(c) for c in labels.captions}
        self.fund_section = {label_key(s): True for s in labels.funds.section}
        self.fund_lines: dict[str, tuple[str, str | None]] = {
            label_key(fl.label): (line, fl.column)
            for line, fls in labels.funds.lines.items() for fl in fls}
        self.fund_columns = self._index(labels.funds.columns)
        self.gov_tiers = {w: tier for tier, ws in enumerate(labels.funds.gov_levels) for w in ws}
        self.gov_money = pattern(labels.funds.gov_money)
        self.fund_words = [(label_key(w), line) for line, ws in
                           labels.funds.lines_containing.items() for w in ws]
        self.ind_columns = self._index(labels.indicators.columns)
        self.total_row = {label_key(t) for t in labels.indicators.total_row}
        self.section_ends = {label_key(t) for t in labels.indicators.section_ends}
        self.section_end_pattern = pattern(labels.indicators.section_end_pattern)
        self.op_cells = {label_key(k): v for k, v in labels.indicators.op_cells.items()}
        self.fund_rows = {label_key(t): True for t in labels.indicators.fund_rows}
        self.name_prefix = pattern(labels.indicators.name_prefix)
        self.placeholder = pattern(labels.indicators.placeholder)
        self.annual_table = pattern(labels.indicators.annual_table)
        self.other_table = pattern(labels.indicators.other_table)
        # Longest synonym first: a header label containing it takes its role.
        self._contained = sorted(((k, r) for k, r in self.ind_columns.items() if len(k) >= 2),
                                 key=lambda kr: -len(kr[0]))
        self.level_suffix = pattern(levels.suffix)
        self.level_annotation = pattern(levels.annotation)
        self.level_combined = pattern(levels.combined)
        self.level1 = {label_key(k): k for k in levels.level1}
        self.level2: dict[str, tuple[str, str]] = {}  # key → (level2 as listed, its level1)
        for l1, spec in levels.level1.items():
            for l2 in spec.level2:
                self.level2.setdefault(label_key(l2), (l2, l1))
        self.children = {label_key(l1): {label_key(x) for x in s.level2}
                         for l1, s in levels.level1.items()}
        self.cues = list(levels.cues.items())
        self.layout_patterns = [
            (lay, pattern(lay.match.title),
             pattern(lay.level2_name_pattern) if lay.level2_name_pattern else None)
            for lay in layouts]

        # Every word the grammar names a part of a form by, by length: what an OCR'd label
        # one misread character away was (ocr.repair.snap_label). The captions that end
        # the indicator table are among them: misread, the next table's rows were read
        # as indicators.
        self.words: dict[int, list[str]] = {}
        for w in {*self.fields, *self.fund_columns, *self.fund_lines, *self.ind_columns,
                  *self.level1, *self.level2, *self.captions, *self.fund_section,
                  *self.section_ends}:
            self.words.setdefault(len(w), []).append(w)
        # What each word says, in every vocabulary that has it: two synonyms one misread
        # character from the same text (二级自标: 二级目标, 二级指标) say the same, so either
        # will do. Levels and captions are kept as printed, so they say themselves.
        spaces: tuple[Mapping[str, object], ...] = (
            self.fields, self.fund_columns, self.fund_lines, self.ind_columns)
        self.senses = {w: (tuple(space.get(w) for space in spaces),
                           w if w in self.level1 or w in self.level2 or w in self.captions
                           or w in self.fund_section or w in self.section_ends else None)
                       for ws in self.words.values() for w in ws}
        # The parts a multi-part form's titles are qualified by (…申报表（绩效目标）).
        self.parts: dict[int, list[str]] = {}
        for w in {label_key(p) for p in (*labels.title_parts.first,
                                         *labels.title_parts.continuation)}:
            self.parts.setdefault(len(w), []).append(w)

    def nearest_word(self, text: str) -> str | None:
        """The one grammar word ``text`` is a misreading of: as long, with one character
        in four at most (at least one) different, or one character longer with the rest
        the word; and no other word as near. None when ``text`` is a word already or is
        near none, or near two."""
        k = self.key(text)
        return self.memo("nearest", k, lambda: _nearest(k, self.words.get(len(k), ()),
                                                        self.words.get(len(k) - 1, ()),
                                                        self.senses))

    def nearest_part(self, text: str) -> str | None:
        """Like :meth:`nearest_word`, among the title parts (``title_parts``)."""
        k = label_key(text)
        return self.memo("part", k, lambda: _nearest(k, self.parts.get(len(k), ()), ()))

    @staticmethod
    def _index(groups: dict[Any, list[str]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, synonyms in groups.items():
            for s in synonyms:
                out.setdefault(label_key(s), kind)
        return out

    def memo(self, space: str, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()`` once per (space, key) for this grammar: forms repeat the same
        labels and cells, and the grammar's answers for them never change."""
        memo = (space, key)
        if memo in self._memo:
            return self._memo[memo]  # type: ignore[no-any-return]
        value = compute()
        if len(self._memo) < _KEY_CACHE:
            self._memo[memo] = value
        return value

    def strip_annotation(self, key: str) -> str:
        """A level key without its score annotation: 产出指标(50分) → 产出指标."""
        return self.memo("annotation", key, lambda: self.level_annotation.sub("", key))

    def level_text(self, text: str) -> str:
        """A printed level label as the record keeps it: no score annotation."""
        return self.level_annotation.sub("", text).strip()

    def contained_role(self, text: str) -> str | None:
        """The role of the longest column synonym inside a header label no synonym
        names exactly (全年实际值 → actual, 权重占比(%) → weight)."""
        k = _TRAILING_REMARK.sub("", self.key(text))
        return self.memo("contained", k,
                         lambda: next((r for syn, r in self._contained if syn in k), None))

    def key(self, text: str) -> str:
        """``label_key`` with decorations (其中：, 一、, trailing colon…) removed."""
        k = self._keys.get(text)
        if k is None:
            k = label_key(text)
            for pat in self.noise:
                k = pat.sub("", k)
            if len(self._keys) < _KEY_CACHE:  # forms repeat the same labels and cells
                self._keys[text] = k
        return k

    def lookup(self, index: dict[str, Any], text: str) -> Any:
        """Find ``text`` in a label index, allowing a trailing bracketed remark."""
        memo = (id(index), text)
        if memo in self._lookups:
            return self._lookups[memo]
        hit = self._lookup(index, text)
        if len(self._lookups) < _KEY_CACHE:
            self._lookups[memo] = hit
        return hit

    def _lookup(self, index: dict[str, Any], text: str) -> Any:
        k = self.key(text)
        while k:
            if k in index:
                return index[k]
            stripped = _TRAILING_REMARK.sub("", k)
            if stripped == k:
                break
            k = self.key(stripped)
        # A qualifier bracketed inside a label: 转移支付（项目）名称, 主管部门（单位）名称.
        inner = _REMARK.sub("", self.key(text))
        return index.get(inner) if inner and inner != self.key(text) else None


def misread_alike(a: str, b: str) -> bool:
    """Whether OCR may have read one text as the other: as long, with at most one
    character in four (at least one) different."""
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= max(1, len(a) // 4)


def _nearest(key: str, words: Sequence[str], shorter: Sequence[str],
             senses: Mapping[str, object] | None = None) -> str | None:
    """``words`` are as long as ``key``, ``shorter`` one character shorter: a stray mark
    beside a label (a border's stub, a seal's ink) is read as one more character. Several
    words as near do if ``senses`` says they all mean the same."""
    if len(key) < MIN_SNAP or key in words:
        return None
    near = sorted(w for w in words if misread_alike(key, w))
    if len(key) > MIN_SNAP:
        near += [w for w in shorter if w in {key[:i] + key[i + 1:] for i in range(len(key))}]
    if len(near) > 1 and senses is not None and len({senses[w] for w in near}) == 1:
        return near[0]
    return near[0] if len(near) == 1 else None


def load_grammar(extra: Path | None = None) -> Grammar:
    """Load, validate and compile the grammars; ``extra`` is laid over the bundled ones."""
    return _load(tuple(grammar_dirs(extra)))


@lru_cache(maxsize=1)
def bundled_grammar() -> Grammar:
    """The bundled grammars alone: the default wherever a grammar is optional.

    Cached apart from :func:`load_grammar`, which looks at the file system on every call;
    the per-cell functions that default to it must not.
    """
    return load_grammar()


_MERGED = ("labels", "levels", "values", "lookalikes")  # laid over one another with _merge


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> Grammar:
    merged: dict[str, Any] = {}
    layouts: dict[str, Layout] = {}
    for d in dirs:
        for name in _MERGED:
            f = d / f"{name}.yaml"
            if f.is_file():
                data = read_yaml(f) or {}
                if not isinstance(data, dict):
                    raise GrammarError(f"{f}: expected a mapping at the top level")
                merged[name] = _merge(merged[name], data) if name in merged else data
                merged[f"{name}_file"] = f
        for f in sorted((d / "layouts").glob("*.yaml")):
            lay = validate_model(Layout, f, read_yaml(f))
            layouts[lay.name] = lay  # a later folder's layout of the same name replaces it
    for name in _MERGED:
        if name not in merged:
            raise GrammarError(f"{dirs[0] / (name + '.yaml')}: missing grammar file")
    if not layouts:
        raise GrammarError(f"{dirs[0] / 'layouts'}: no layout templates found")
    return Grammar(validate_model(Labels, merged["labels_file"], merged["labels"]),
                   validate_model(Levels, merged["levels_file"], merged["levels"]),
                   list(layouts.values())[::-1],
                   validate_model(Values, merged["values_file"], merged["values"]),
                   validate_model(Lookalikes, merged["lookalikes_file"], merged["lookalikes"]),
                   bundled=len(dirs) == 1)
