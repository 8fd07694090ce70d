using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FeishuGen.Generator.Naming;

/// <summary>Turns wire names (snake_case, camelCase, dotted) into valid, readable C# identifiers.</summary>
internal static class Identifiers
{
    // Members every record already has: a property with one of these names would not compile.
    private static readonly HashSet<string> RecordMembers = new()
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
    };

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>PascalCase of <paramref name="name"/>: 'report_url_type' → 'ReportUrlType', 'app.table.record' → 'AppTableRecord'.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (IsIdentifierPart(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, 'N');
        }

        return builder.ToString();
    }

    /// <summary>camelCase for parameters and locals, escaped with '@' when it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>A property name that compiles inside a record called <paramref name="owner"/>.</summary>
    public static string Property(string wireName, string owner)
    {
        var name = Pascal(wireName);
        return name == owner || RecordMembers.Contains(name) ? name + "Value" : name;
    }

    /// <summary>Makes <paramref name="name"/> unique within <paramref name="taken"/> by numbering it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The name of one item of a list called <paramref name="pascal"/>: 'UserList' → 'User', 'Categories' → 'Category'.</summary>
    public static string Singular(string pascal)
        => pascal.EndsWith("List", System.StringComparison.Ordinal) && pascal.Length > 4 ? pascal.Substring(0, pascal.Length - 4) : Words.Singular(pascal);

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    // '_', '.', '-' and spaces separate words; they never survive into the identifier.
    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c);
}
