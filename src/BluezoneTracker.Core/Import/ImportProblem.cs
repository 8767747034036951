namespace BluezoneTracker.Core.Import;

/// <summary>
/// Something in the input that stops it from being saved. The Web turns the kind and its fields
/// into a sentence in the user's language; <see cref="Line"/>, <see cref="Cell"/> and
/// <see cref="Value"/> say where and what; <see cref="Written"/> is the line's own text where the message quotes it.
/// </summary>
public sealed record ImportProblem(
    ImportProblemKind Kind,
    int? Line = null,
    string? Cell = null,
    string? Value = null,
    string? Other = null,
    string? Written = null);

public enum ImportProblemKind
{
    // The file as a whole.

    /// <summary>The file has no bytes or no text.</summary>
    EmptyFile,

    /// <summary>The file is larger than the limit. Value = the file's size (never the request's; null when not known), Other = limit (bytes).</summary>
    FileTooLarge,

    /// <summary>Neither CSV text nor an .xlsx workbook (binary garbage, .xls, PDF…).</summary>
    NotATable,

    /// <summary>An .xlsx that cannot be opened (truncated, corrupt).</summary>
    UnreadableWorkbook,

    /// <summary>
    /// A spreadsheet in a format we do not read, recognised by its bytes. Value = the format: "ods"
    /// (OpenDocument), "html" (a web page saved as .xls), "xml2003" (Excel 2003 XML), "biff5" (Excel 5/95),
    /// "pdf", "doc" (a Word or other Office document), "zip" (a zip that is no workbook).
    /// </summary>
    OtherFormat,

    /// <summary>A CSV file whose Vietnamese letters were replaced by '?' when it was saved. Value = the text.</summary>
    LettersLost,

    /// <summary>A CSV data row with more fields than its header (e.g. unquoted "22,556"). Value = fields, Other = header fields, Written = the line's fields from the count column on, as written ("22,556").</summary>
    FieldCountMismatch,

    // Which sheet, which column.

    /// <summary>Several sheets could hold the counts and none is named for the date. Other = the sheets ("; ").</summary>
    AmbiguousSheet,

    /// <summary>The only table is on a sheet named for another date. Value = the chosen date (ISO; the message writes it in the UI language), Other = the sheets.</summary>
    NoSheetForDate,

    /// <summary>The sheet asked for does not exist. Value = the name asked for, Other = the visible sheets.</summary>
    UnknownSheet,

    /// <summary>Several columns could hold the counts and no header names the date. Other = the columns ("; ").</summary>
    AmbiguousColumn,

    /// <summary>The only count column's header names another date. Value = the column, Other = the columns.</summary>
    ColumnForOtherDate,

    /// <summary>The column asked for does not exist. Value = what was asked for, Other = the columns.</summary>
    UnknownColumn,

    /// <summary>An .xlsx whose uncompressed content exceeds the limit (a zip bomb). Other = limit (bytes).</summary>
    WorkbookTooLarge,

    /// <summary>A formula cell without a cached value. Value = the formula.</summary>
    FormulaWithoutValue,

    /// <summary>More rows than the limit. Other = limit.</summary>
    TooManyRows,

    // Layout.

    /// <summary>No header row with a name (or code) column and a count column.</summary>
    MissingColumns,

    /// <summary>A header but no counts under it.</summary>
    NoCounts,

    /// <summary>A cell with more text than any area name could have. Other = limit (characters).</summary>
    TextTooLong,

    // Rows.

    /// <summary>No child area has this name. Value = the name.</summary>
    UnknownArea,

    /// <summary>No child area has this code. Value = the code.</summary>
    UnknownCode,

    /// <summary>The code and the name of a row are two different areas. Value = name, Other = the code's area name.</summary>
    CodeNameMismatch,

    /// <summary>A name that fits several areas once diacritics and prefixes are ignored. Value = the name.</summary>
    AmbiguousName,

    /// <summary>The same area twice. Value = the area's name, Other = the line of its first row.</summary>
    DuplicateArea,

    /// <summary>A count on a row without a name or code.</summary>
    MissingName,

    // Counts.

    /// <summary>Not a number. Value = the text.</summary>
    NotANumber,

    /// <summary>A spreadsheet error value instead of a count (#DIV/0!, #N/A, #REF!…). Value = the error.</summary>
    ErrorValue,

    /// <summary>A negative count. Value = the text.</summary>
    NegativeCount,

    /// <summary>A count with decimals. Value = the text.</summary>
    DecimalCount,

    /// <summary>A count above any possible population. Value = the text, Other = limit.</summary>
    CountTooLarge,

    /// <summary>A required count is empty (the unassigned count of the grid).</summary>
    MissingCount,

    // The date and the revision.

    /// <summary>The as-of date is not a date in a known format. Value = the text.</summary>
    MalformedDate,

    /// <summary>The as-of date is after today (Vietnam time). Value = the date (ISO).</summary>
    FutureDate,

    /// <summary>The date already has counts, so a new revision needs a reason. Other = the current revision number.</summary>
    ReasonRequired,

    /// <summary>No such revision of the date. Value = the date (ISO), Other = the revision number asked for.</summary>
    UnknownRevision,

    /// <summary>
    /// The date's current counts are signed off; only a Director or an Admin may revise them. A rule on who writes, not
    /// on what is written: pages and the API answer it with a 403. Value = the date (ISO).
    /// </summary>
    SignedOffDate,

    /// <summary>
    /// The area has no child areas in the catalog, so it has no table of its own: its count is a row of its
    /// parent's table (issue #11; a table of only the unassigned count would replace that row with it). Value = the area's name.
    /// </summary>
    NoChildAreas,

    /// <summary>The same file was already imported for this date. Value = SHA-256, Other = revision number.</summary>
    DuplicateFile,

    // Bounds on what is stored (issue #15).

    /// <summary>The as-of date is before the first accepted date. Value = the date (ISO), Other = the first accepted date (ISO).</summary>
    DateTooEarly,

    /// <summary>The reason is longer than <see cref="StoredText.MaxReasonLength"/>. Value = its length, Other = the limit.</summary>
    ReasonTooLong,

    /// <summary>The file name is longer than <see cref="StoredText.MaxFileNameLength"/>. Value = its length, Other = the limit.</summary>
    FileNameTooLong,

    /// <summary>
    /// Another save of the date came first: the revision the user previewed (Value, blank for none) is no
    /// longer the current one (Other). Checked inside the write, so no second writer slips past it.
    /// </summary>
    RevisionMoved,

    /// <summary>
    /// Counts for only some areas, for a date that has counts: whether they replace the date or update those
    /// areas must be said (mode replace or update). Value = how many areas the input has, Other = how many the date has.
    /// </summary>
    ModeRequired,

    /// <summary>
    /// Input with every area of a date that has counts but without the unassigned count, while the date has one:
    /// replacing would set it to 0 and updating would keep it, so which must be said (mode replace or update), as
    /// for <see cref="ModeRequired"/>. Value = the date's unassigned count. (A fresh user's trial, round 10: an
    /// update with every district and no unassigned row set 33 to 0.)
    /// </summary>
    UnassignedModeRequired,

    /// <summary>A mode other than replace or update. Value = the text.</summary>
    UnknownMode,

    /// <summary>A grid box left blank for an area that has a count on the date (removing is its own action). Cell = the area.</summary>
    BlankCount,

    /// <summary>
    /// The counts are exactly those of the date's current revision (every area and the unassigned count): a new revision
    /// would change nothing, whichever channel sent it. Checked inside the write. Other = the current revision number.
    /// </summary>
    UnchangedCounts,

    /// <summary>A restore of a date that has counts without a reason (a restore always revises). Value = the date (ISO), Other = the revision restored.</summary>
    RestoreReasonRequired,
}
