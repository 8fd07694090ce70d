using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The names of the members FeishuGen adds around the page's own: error constants, the constants
/// of documented values, the property that keeps undocumented members, the paging methods.
/// </summary>
internal static class MemberNames
{
    public const string UnknownMembersProperty = "AdditionalProperties";

    /// <summary>
    /// The documented error codes as constants: the rows whose code fits the runtime's int, the
    /// first row of each code only, named from English descriptions or by code.
    /// </summary>
    public static EquatableArray<ErrorConstant> ErrorConstants(IEnumerable<ErrorCodeModel> errors, string errorsClass)
    {
        var seen = new HashSet<long>();
        var taken = new HashSet<string> { errorsClass, "All" };
        return errors.Where(e => e.Code is >= int.MinValue and <= int.MaxValue && seen.Add(e.Code))
            .Select(e => new ErrorConstant(Identifiers.Unique(ErrorName(e.Code, e.Description), taken), e.HttpStatus, e.Code, e.Description, e.Hint))
            .ToEquatableArray();
    }

    /// <summary>
    /// The constants class of a property's documented values (<c>GrantTypeValues.AuthorizationCode</c>,
    /// <c>StatusValues.Active</c> from the label of 1, <c>Value0</c> without a usable label), or null:
    /// only string and integer values get constants (booleans and numbers are documented only).
    /// Constants rather than enums: Feishu adds values over time, and an enum would fail to read one it does not know.
    /// </summary>
    public static ValueConstants? ValueConstants(PropertySpec property)
    {
        var scalar = property.Type.Kind == TypeKind.List ? property.Type.Item! : property.Type;
        var type = scalar.Kind switch { TypeKind.String => "string", TypeKind.Int64 => "long", _ => null };
        if (property.AllowedValues.Count == 0 || type is null)
        {
            return null;
        }

        var className = property.ClrName + "Values";
        var seenValues = new HashSet<string>();
        var documented = new List<(AllowedValue Allowed, string Value, string? Name, bool FromLabel)>();
        foreach (var allowed in property.AllowedValues)
        {
            var value = type == "string" ? allowed.Value : Integer(allowed.Value);
            if (value is not null && seenValues.Add(allowed.Value))
            {
                var fromValue = ValueLabels.IsAsciiWords(allowed.Value) && !char.IsDigit(allowed.Value[0]) && allowed.Value[0] != '-';
                var word = fromValue ? allowed.Value : ValueLabels.Word(allowed.Label);
                documented.Add((allowed, value, word is null ? null : Identifiers.Pascal(word), !fromValue));
            }
        }

        // Two labels that give one word (neo单品用户, neo单品游客用户) would name two values alike: both keep their numbers.
        var count = documented.Where(d => d.Name is not null).GroupBy(d => d.Name!).ToDictionary(g => g.Key, g => g.Count());
        var taken = new HashSet<string> { className };
        var values = documented.Select(d => new ValueConstant(
            Identifiers.Unique(d.Name is { } name && (!d.FromLabel || count[name] == 1) ? name : NumericName(d.Allowed.Value), taken),
            d.Value,
            d.Allowed.Label.Length > 0 ? d.Allowed.Label : d.Allowed.Value));
        return new ValueConstants(className, type, values.ToEquatableArray());
    }

    /// <summary>The name of the property that keeps a record's undocumented members, clear of its own properties.</summary>
    public static string UnknownMembers(string typeName, IEnumerable<PropertySpec> properties)
    {
        var taken = new HashSet<string>(properties.Select(p => p.ClrName)) { typeName };
        var name = UnknownMembersProperty;
        while (taken.Contains(name))
        {
            name = "Unknown" + name;
        }

        return name;
    }

    /// <summary>
    /// The paging methods of <paramref name="methodName"/> (<c>ListAsync</c>: <c>ListPagesAsync</c>,
    /// and <c>ListItemsAsync</c> when the reply has a list of items), each written only when no
    /// other member of the class already has its name.
    /// </summary>
    public static (string Pages, bool WritePages, string? Items) PagingMethods(string methodName, bool hasItems, ISet<string> taken)
    {
        var method = methodName.Substring(0, methodName.Length - "Async".Length);
        var pages = method + "PagesAsync";
        var writePages = taken.Add(pages);
        var items = method + "ItemsAsync";
        return (pages, writePages, hasItems && taken.Add(items) ? items : null);
    }

    // English descriptions ("cannot find this badge") make readable names; others are named by code.
    private static string ErrorName(long code, string description)
    {
        var words = description.Split(new[] { ' ', '_', '-', ',', '.' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is > 0 and <= 8 && words.All(w => w.All(c => c < 128 && char.IsLetterOrDigit(c))) && char.IsLetter(words[0][0]))
        {
            return Identifiers.Pascal(string.Join("_", words));
        }

        return "Code" + code;
    }

    // A number without a label word: 'Value1', 'ValueMinus1'.
    private static string NumericName(string value) => Identifiers.Pascal("Value_" + value.Replace("-", "Minus"));

    // An integer constant's value as C# writes the number; null when the documented value is no integer.
    private static string? Integer(string value)
        => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
}
