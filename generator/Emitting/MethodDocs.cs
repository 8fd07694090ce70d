using System.Linq;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints the XML doc of a client method: what the endpoint does, its HTTP method and path, token
/// types, scopes and documented errors with their hints.
/// </summary>
internal static class MethodDocs
{
    public static void Write(SourceWriter writer, MethodDoc doc, bool withOptions)
    {
        writer.Line("/// <summary>");
        writer.Line("/// " + CSharp.Xml(doc.Title));
        writer.Line("/// </summary>");
        writer.Line("/// <remarks>");
        CSharp.XmlLines(writer, doc.Description);
        writer.Line("/// <para><c>" + doc.HttpMethod + " " + CSharp.Xml(doc.PathTemplate) + "</c></para>");
        if (doc.TokenTypes.Count > 0)
        {
            writer.Line("/// <para>Access tokens: " + string.Join(", ", doc.TokenTypes.Select(t => "<c>" + t + "</c>")) + ".</para>");
        }

        if (doc.Scopes.Count > 0)
        {
            writer.Line("/// <para>Scopes (any one): " + string.Join("; ", doc.Scopes.Select(s => "<c>" + CSharp.Xml(s.Key) + "</c> " + CSharp.Xml(s.Name))) + ".</para>");
        }

        if (doc.Errors.Count > 0)
        {
            writer.Line("/// <para>Documented errors (<see cref=\"" + doc.ErrorsClass + "\"/>):</para>");
            writer.Line("/// <list type=\"bullet\">");
            foreach (var error in doc.Errors)
            {
                var hint = error.Hint.Length > 0 ? " 排查建议: " + CSharp.Xml(error.Hint) : string.Empty;
                writer.Line("/// <item><description><c>" + error.Code + "</c> (HTTP " + error.HttpStatus + "): " + CSharp.Xml(error.Description) + "." + hint + "</description></item>");
            }

            writer.Line("/// </list>");
        }

        writer.Line("/// </remarks>");
        writer.Line("/// <param name=\"request\">The path, query and body values of the call.</param>");
        if (withOptions)
        {
            writer.Line("/// <param name=\"options\">Per-call overrides: a user access token, a tenant key or a fixed token.</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call, including retries and waits.</param>");
        writer.Line(doc.IsDownload
            ? "/// <returns>The file, streamed as it arrives, with its name from Content-Disposition; dispose it.</returns>"
            : "/// <returns>The reply's <c>data</c>.</returns>");
        writer.Line("/// <exception cref=\"global::FeishuGen.FeishuApiException\">Feishu answered with a non-zero code; the exception carries the code, msg, log id and, for documented codes, the page's description and hint.</exception>");
    }
}
