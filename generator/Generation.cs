using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator;

/// <summary>
/// The one seam for what runs outside a build (the CLI, the corpus check, benchmarks and tests):
/// the stages one after another over a set of pages, as the generator runs them step by step
/// (Read → Names → Shape → Plan → Print, see <see cref="FeishuSourceGenerator"/>).
/// </summary>
internal static class Generation
{
    /// <summary>The names step, each page's shape and the merge, for the API's pages.</summary>
    public static ApiSpec ShapeApi(IEnumerable<EndpointModel> models, GeneratorOptions options)
    {
        var list = models.ToList();
        var names = Names(list, options);
        var merged = ApiShaper.Merge(list.Select(m => ApiShaper.ShapePage(m, names, options)).OfType<PageShape>(), options);
        return merged with { Diagnostics = names.Diagnostics.Concat(merged.Diagnostics).ToEquatableArray() };
    }

    /// <summary>The names step for the API's pages: every kept endpoint's names, and the pages another page of the same endpoint replaces.</summary>
    public static ApiNames Names(IEnumerable<EndpointModel> models, GeneratorOptions options) => NameClaims.Resolve(models.Select(NameClaim.Of), options.RootNamespace);

    /// <summary>The same for the event pages.</summary>
    public static EventApiSpec ShapeEvents(IEnumerable<EventModel> models, GeneratorOptions options)
    {
        var list = models.ToList();
        var names = EventPlanNames.Resolve(list.Select(m => new EventClaim(m.SpecPath, m.EventType)), options.RootNamespace);
        var merged = EventShaper.Merge(list.Select(m => EventShaper.ShapePage(m, names)).OfType<EventShape>(), options);
        return merged with { Diagnostics = names.Diagnostics.Concat(merged.Diagnostics).ToEquatableArray() };
    }

    /// <summary>Every unit printed, one after the other.</summary>
    public static List<GeneratedFile> Print(IEnumerable<FileUnit> units) => units.Select(u => new GeneratedFile(u.HintName, Printer.Print(u))).ToList();

    /// <summary>Every file of the API's pages.</summary>
    public static List<GeneratedFile> ApiFiles(IEnumerable<EndpointModel> models, GeneratorOptions options) => Print(ApiPlan.Plan(ShapeApi(models, options)));

    /// <summary>Every file of the event pages.</summary>
    public static List<GeneratedFile> EventFiles(IEnumerable<EventModel> models, GeneratorOptions options) => Print(EventPlan.Plan(ShapeEvents(models, options)));
}
