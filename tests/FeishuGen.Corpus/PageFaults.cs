using System;
using System.Collections.Generic;
using System.IO;

namespace FeishuGen.Corpus;

/// <summary>One doc whose two forms differ because one of its pages is wrong: which form, what is wrong, and the page's own text.</summary>
internal sealed record PageFault(string Doc, string Form, string Fault, string Quote)
{
    /// <summary>Whether the page of <paramref name="form"/> still holds the quoted text (a listed fault is accepted only while it does).</summary>
    public bool HoldsIn(string form, string pageText) => form.Contains(Form, StringComparison.Ordinal) && pageText.Contains(Quote, StringComparison.Ordinal);

    /// <summary>The faults named in page-faults.txt: '[doc path]' then 'form:', 'fault:' and 'quote:' lines.</summary>
    public static Dictionary<string, PageFault> Load(string path)
    {
        var faults = new Dictionary<string, PageFault>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return faults;
        }

        string? doc = null;
        var fields = new Dictionary<string, string>();
        void Flush()
        {
            if (doc is not null)
            {
                faults[doc] = new PageFault(doc, fields["form"], fields["fault"], fields["quote"].Replace("\\t", "\t"));
            }

            fields.Clear();
        }

        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Flush();
                doc = line.Substring(1, line.Length - 2);
                continue;
            }

            var colon = line.IndexOf(':');
            fields[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }

        Flush();
        return faults;
    }
}
