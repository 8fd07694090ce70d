using System.Linq;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints the events' shared files: the event type constants, the typed <c>On…</c> registration
/// methods on the runtime's dispatcher and the event catalogue (records and the resolver are
/// printed like the API's).
/// </summary>
internal static class EventEmitter
{
    private const string Dispatcher = "global::FeishuGen.Events.FeishuEventDispatcher";

    public static string EmitTypes(EventTypesUnit unit)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>The event types of the event pages in specs/, as Feishu sends them.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + unit.ClassName);
        foreach (var spec in unit.Events)
        {
            writer.Line("/// <summary>" + CSharp.Xml(spec.Title) + "</summary>");
            writer.Line("public const string " + spec.Name + " = " + CSharp.Literal(spec.EventType) + ";");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string EmitRegistrations(EventRegistrationsUnit unit)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>Typed handlers for the event pages in specs/: <c>dispatcher.OnImMessageReceiveV1(async (e, ct) => ...)</c>.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + unit.ClassName);
        var first = true;
        foreach (var spec in unit.Events)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var body = spec.BodyType.Global;
            var model = spec;
            writer.Line("/// <summary>");
            writer.Line("/// " + CSharp.Xml(model.Title) + " (<c>" + CSharp.Xml(model.EventType) + "</c>, schema " + (model.LegacySchema ? "1.0" : "2.0") + ").");
            writer.Line("/// </summary>");
            writer.Line("/// <remarks>");
            CSharp.XmlLines(writer, model.Description);
            if (model.Scopes.Count > 0)
            {
                writer.Line("/// <para>Scopes (any one): " + string.Join("; ", model.Scopes.Select(s => "<c>" + CSharp.Xml(s.Key) + "</c> " + CSharp.Xml(s.Name))) + ".</para>");
            }

            writer.Line("/// <para>Several handlers may be added; they run in order, once per event id (a failed handling is delivered again).</para>");
            writer.Line("/// </remarks>");
            writer.Line("/// <param name=\"dispatcher\">The dispatcher.</param>");
            writer.Line("/// <param name=\"handler\">Runs for each event, with a token cancelled at the deadline or when the app stops.</param>");
            writer.Line("/// <returns>The dispatcher, to chain registrations.</returns>");
            writer.Line("public static " + Dispatcher + " " + spec.MethodName + "(this " + Dispatcher + " dispatcher, global::System.Func<global::FeishuGen.Events.FeishuEvent<" + body + ">, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> handler)");
            writer.Line("    => dispatcher.On(" + unit.TypesClass + "." + spec.Name + ", " + JsonCode.Shape(spec.BodyType) + ".Reader, handler);");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string EmitCatalogue(EventCatalogueUnit unit)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>Every event generated from specs/, for tooling and tests.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open("public static partial class " + unit.ClassName);
        writer.Line("/// <summary>The events, ordered by type.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.Events.FeishuEventInfo> All { get; } = new global::FeishuGen.Events.FeishuEventInfo[]");
        foreach (var spec in unit.Events)
        {
            writer.Line("new() { EventType = " + CSharp.Literal(spec.EventType) + ", Title = " + CSharp.Literal(spec.Title)
                + ", Schema = " + CSharp.Literal(spec.LegacySchema ? "1.0" : "2.0") + ", BodyType = typeof(" + spec.BodyType.Global + ")"
                + ", SpecPath = " + CSharp.Literal(spec.SpecPath) + " },");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
