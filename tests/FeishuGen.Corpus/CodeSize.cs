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
    public static CodeSize Measure(IEnumerable<SyntaxTree> trees, byte[] assembly)
    {
        var codeLines = trees.Sum(t => t.GetText().Lines.Count(l => IsCode(l.ToString())));
        if (assembly.Length == 0)
        {
            return new CodeSize(codeLines, 0, 0, 0, 0, 0);
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

        return new CodeSize(codeLines, assembly.Length, il, metadata.GetHeapSize(HeapIndex.UserString), pe.PEHeaders.MetadataSize, metadata.MethodDefinitions.Count, recordMembers, accessors);
    }

    // What the compiler adds to every record: value equality, printing, cloning (with) and the copy constructor.
    private static readonly HashSet<string> RecordMemberNames = new(System.StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "PrintMembers", "<Clone>$", "op_Equality", "op_Inequality", "get_EqualityContract", ".ctor",
    };

    public string Describe()
        => $"{AssemblyBytes / 1024.0 / 1024.0:0.0} MB (IL {IlBytes / 1024.0 / 1024.0:0.0} MB in {Methods} methods, of which {RecordMembers} record members and constructors and {Accessors} property accessors; "
            + $"string literals {UserStringBytes / 1024.0 / 1024.0:0.0} MB, metadata {MetadataBytes / 1024.0 / 1024.0:0.0} MB)";

    private static bool IsCode(string line)
    {
        var text = line.TrimStart();
        return text.Length > 0 && !text.StartsWith("//", System.StringComparison.Ordinal);
    }
}
