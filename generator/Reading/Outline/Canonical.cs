namespace FeishuGen.Generator.Reading;

/// <summary>
/// The one spelling the reader keeps of the Markdown it copies into the model (descriptions, the
/// text of cells that run over several lines): '-' for bullets and backticks for fences, whatever
/// the page used, so that re-spelling a page never changes its model.
/// </summary>
internal static class Canonical
{
    /// <summary>The line with a leading '*' or '+' bullet written as '-'.</summary>
    public static string Bullet(string line)
    {
        // Inside a quote too: '> * item'.
        var at = 0;
        while (at < line.Length && (line[at] == ' ' || line[at] == '>'))
        {
            at++;
        }

        return at + 1 < line.Length && (line[at] is '*' or '+') && (line[at + 1] == ' ' || line[at + 1] == '\t')
            ? line.Substring(0, at) + "-" + line.Substring(at + 1)
            : line;
    }

    /// <summary>The line with a leading tilde fence written with backticks.</summary>
    public static string Fence(string line)
    {
        var at = 0;
        while (at < line.Length && line[at] == ' ')
        {
            at++;
        }

        var count = 0;
        while (at + count < line.Length && line[at + count] == '~')
        {
            count++;
        }

        return count >= 3 ? line.Substring(0, at) + new string('`', count) + line.Substring(at + count) : line;
    }
}
