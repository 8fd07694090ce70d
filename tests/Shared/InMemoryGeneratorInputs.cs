using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FeishuGen.TestSupport;

/// <summary>A page held in memory, handed to the generator as an AdditionalText.</summary>
internal sealed class InMemoryPage : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryPage(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Build properties for the generator, as <c>build_property.*</c> global options.</summary>
internal sealed class InMemoryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public InMemoryOptionsProvider(IReadOnlyDictionary<string, string> buildProperties)
    {
        var values = new Dictionary<string, string>();
        foreach (var property in buildProperties)
        {
            values["build_property." + property.Key] = property.Value;
        }

        _global = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
