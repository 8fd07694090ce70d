using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Corpus;

/// <summary>
/// How big the generated code is: lines that are not comments (issue #11 counts these per
/// endpoint), and where the assembly's bytes go (IL, user strings, metadata), so that a size
/// goal can be read against its cause.
/// </summary>
internal sealed record CodeSize(int CodeLines, long AssemblyBytes, long IlBytes, long UserStringBytes, long MetadataBytes, int Methods, int RecordMembers = 0, int Accessors = 0)
{
    /// <summary>Lines that are not comments, by kind of generated file (from its hint name).</summary>
    public IReadOnlyDictionary<string, int> CodeLinesByKind { get; init; } = new Dictionary<string, int>();

    public static CodeSize Measure(IEnumerable<SyntaxTree> trees, byte[] assembly)
    {
        var byKind = new Dictionary<string, int>();
        foreach (var tree in trees)
        {
            var kind = Kind(System.IO.Path.GetFileName(tree.FilePath));
            byKind[kind] = byKind.GetValueOrDefault(kind) + tree.GetText().Lines.Count(l => IsCode(l.ToString()));
        }

        var codeLines = byKind.Values.Sum();
        if (assembly.Length == 0)
        {
            return new CodeSize(codeLines, 0, 0, 0, 0, 0) { CodeLinesByKind = byKind };
        }

        using var pe = new PEReader(new System.IO.MemoryStream(assembly));
        var metadata = pe.GetMetadataReader();
        long il = 0;
        int recordMembers = 0, accessors = 0;
        foreach (var handle in metadata.MethodDefinitions)
        {
            var name = metadata.GetString(metadata.GetMethodDefinition(handle).Name);
            if (RecordMemberNames.Contains(name))
            {
                recordMembers++;
            }
            else if (name.StartsWith("get_", System.StringComparison.Ordinal) || name.StartsWith("set_", System.StringComparison.Ordinal))
            {
                accessors++;
            }

            var rva = metadata.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva != 0)
            {
                il += pe.GetMethodBody(rva).Size;
            }
        }

        return new CodeSize(codeLines, assembly.Length, il, metadata.GetHeapSize(HeapIndex.UserString), pe.PEHeaders.MetadataSize, metadata.MethodDefinitions.Count, recordMembers, accessors) { CodeLinesByKind = byKind };
    }

    // What the compiler adds to every record: value equality, printing, cloning (with) and the copy constructor.
    private static readonly HashSet<string> RecordMemberNames = new(System.StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "PrintMembers", "<Clone>$", "op_Equality", "op_Inequality", "get_EqualityContract", ".ctor",
    };

    public string Describe()
        => $"{AssemblyBytes / 1024.0 / 1024.0:0.0} MB (IL {IlBytes / 1024.0 / 1024.0:0.0} MB in {Methods} methods, of which {RecordMembers} record members and constructors and {Accessors} property accessors; "
            + $"string literals {UserStringBytes / 1024.0 / 1024.0:0.0} MB, metadata {MetadataBytes / 1024.0 / 1024.0:0.0} MB)";

    public string DescribeKinds()
        => string.Join(", ", CodeLinesByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));

    // The kinds of generated file, told apart by the end of the hint name (first match wins).
    private static readonly (string Suffix, string Kind)[] Kinds =
    {
        ("Request.g.cs", "requests"), ("Response.g.cs", "responses"), ("Errors.g.cs", "error constants"),
        ("ApiEndpoints.g.cs", "catalogue entries"), ("Api.g.cs", "resource classes"), ("Service.g.cs", "client tree"),
        ("Event.g.cs", "events"),
    };

    private static string Kind(string hintName)
    {
        foreach (var (suffix, kind) in Kinds)
        {
            if (hintName.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return hintName.StartsWith("Feishu", System.StringComparison.Ordinal) ? "shared (catalogue list, resolver, root, events)" : "nested records";
    }

    private static bool IsCode(string line)
    {
        var text = line.TrimStart();
        return text.Length > 0 && !text.StartsWith("//", System.StringComparison.Ordinal);
    }
}
