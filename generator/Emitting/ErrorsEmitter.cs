using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints an endpoint's documented error codes as constants, so callers can write
/// <c>catch (FeishuApiException e) when (e.Code == XErrors.Code1002862)</c>, and the list the
/// runtime uses to attach the page's description and hint to an exception.
/// </summary>
internal static class ErrorsEmitter
{
    public static string Emit(ErrorsUnit unit)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.Class.Namespace);
        writer.Line("/// <summary>The error codes documented for " + CSharp.Xml(unit.Title) + " (<see cref=\"" + unit.MethodCref + "\"/>).</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static class " + unit.Class.Name);
        foreach (var error in unit.Errors)
        {
            writer.Line("/// <summary>" + CSharp.Xml(error.Description) + " (HTTP " + error.HttpStatus + ", code " + error.Code + ").</summary>");
            if (error.Hint.Length > 0)
            {
                writer.Line("/// <remarks>排查建议: " + CSharp.Xml(error.Hint) + "</remarks>");
            }

            writer.Line("public const int " + error.Name + " = " + error.Code + ";");
            writer.Line();
        }

        writer.Line("/// <summary>Every documented code with its HTTP status, description and troubleshooting hint.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.FeishuErrorDoc> All { get; } = new global::FeishuGen.FeishuErrorDoc[]");
        foreach (var error in unit.Errors)
        {
            writer.Line("new(" + error.HttpStatus + ", " + error.Code + ", " + CSharp.Literal(error.Description) + ", " + CSharp.Literal(error.Hint) + "),");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
