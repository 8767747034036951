using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The count and SHA-256 of one table's rows in a provider-neutral canonical form, computed the same way on
/// both sides of a store copy from the values read back through EF (docs/decisions/089): every row becomes the
/// canonical bytes of its values (columns in property-name order), rows are ordered by the canonical bytes of
/// their primary key (ordinal, so no database collation is involved), and the table's hash is the SHA-256 of
/// the rows' SHA-256 hashes in that order.
/// </summary>
/// <remarks>
/// The canonical form of a value: instants as UTC ticks cut to whole microseconds (PostgreSQL's
/// <c>timestamptz</c> resolution; the copy writes them so cut), decimals without trailing zeros in invariant
/// form, text as its exact UTF-8 bytes (no normalisation: a copy that changed a code point must not pass),
/// binary as its bytes; every value is tagged with its kind and, when variable, its length, so that no two
/// different rows share a form. A CLR type without a canonical form is refused rather than guessed.
/// </remarks>
public sealed class StoreChecksum
{
    private readonly List<(byte[] Key, byte[] Row)> _rows = [];

    /// <summary>The number of rows added.</summary>
    public long Rows => _rows.Count;

    /// <summary>Adds one row: its primary-key values and all its values (both in a fixed column order).</summary>
    public void Add(ReadOnlySpan<object?> key, ReadOnlySpan<object?> values)
    {
        var keyBytes = new ArrayBufferWriter<byte>();
        foreach (var value in key)
        {
            Append(keyBytes, value);
        }

        var rowBytes = new ArrayBufferWriter<byte>();
        foreach (var value in values)
        {
            Append(rowBytes, value);
        }

        _rows.Add((keyBytes.WrittenSpan.ToArray(), SHA256.HashData(rowBytes.WrittenSpan)));
    }

    /// <summary>The table's SHA-256 as 64 lower-case hex digits (the hash of no rows for an empty table).</summary>
    public string Sha256()
    {
        _rows.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (_, row) in _rows)
        {
            hash.AppendData(row);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>An instant as the copy writes it and the checksum reads it: UTC, cut to whole microseconds.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The canonical bytes of one value, appended to <paramref name="output"/>.</summary>
    /// <exception cref="NotSupportedException">A CLR type with no canonical form here (add one rather than hash its ToString()).</exception>
    public static void Append(IBufferWriter<byte> output, object? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (value)
        {
            case null:
                Write(output, "N;");
                break;
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                Write(output, $"S{bytes.Length}:");
                output.Write(bytes);
                Write(output, ";");
                break;
            case byte[] binary:
                Write(output, $"X{binary.Length}:");
                output.Write(binary);
                Write(output, ";");
                break;
            case bool flag:
                Write(output, flag ? "B1;" : "B0;");
                break;
            case Enum member:
                Write(output, "E" + Convert.ToString(Convert.ChangeType(member, Enum.GetUnderlyingType(member.GetType()), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ";");
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                Write(output, "I" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case ulong big:
                Write(output, "I" + big.ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case decimal number:
                // Dividing by 1.000…0 drops trailing zeros: 0.50 (SQLite text) and 0.5000 (numeric) are the same number.
                Write(output, "M" + (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case double real:
                Write(output, "F" + real.ToString("R", CultureInfo.InvariantCulture) + ";");
                break;
            case float real:
                Write(output, "F" + real.ToString("R", CultureInfo.InvariantCulture) + ";");
                break;
            case DateTimeOffset instant:
                Write(output, "T" + ToMicroseconds(instant).UtcTicks.ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case DateTime time:
                Write(output, "t" + (int)time.Kind + ":" + (time.Ticks - (time.Ticks % 10)).ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case DateOnly day:
                Write(output, "D" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ";");
                break;
            case TimeOnly clock:
                Write(output, "H" + (clock.Ticks - (clock.Ticks % 10)).ToString(CultureInfo.InvariantCulture) + ";");
                break;
            case Guid id:
                Write(output, "G" + id.ToString("N") + ";");
                break;
            default:
                throw new NotSupportedException($"No canonical form for a value of type {value.GetType()}; add one to {nameof(StoreChecksum)}.");
        }
    }

    private static void Write(IBufferWriter<byte> output, string ascii) => output.Write(Encoding.UTF8.GetBytes(ascii));
}
