namespace FeishuGen.Generator;

/// <summary>
/// Names of the pipeline steps, after the stages (Read, Shape, Plan, Print), so tests can check
/// each step's cache behaviour. The event pages run through the same stages, in steps of their own
/// (EventModel, EventNames, EventShape, EventPlan), so that each kind is seen to stay cached when the other is edited.
/// </summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string ReferencesTestServer = nameof(ReferencesTestServer);
    public const string Pages = nameof(Pages);

    /// <summary>Each page read into its model (one run per page).</summary>
    public const string Read = nameof(Read);

    /// <summary>The reader's diagnostics of each page.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Each page's endpoint (or event) model alone.</summary>
    public const string Model = nameof(Model);

    /// <summary>The names step across pages: what each page claims, and the names decided from the claims.</summary>
    public const string Names = nameof(Names);

    /// <summary>Where each page declares its endpoint, for the names step's diagnostics.</summary>
    public const string PageLines = nameof(PageLines);

    /// <summary>The names step's diagnostics, placed at the pages' lines.</summary>
    public const string NameDiagnostics = nameof(NameDiagnostics);

    /// <summary>Each page shaped on its own (one run per page).</summary>
    public const string Shape = nameof(Shape);

    /// <summary>Every page's shape merged (the shared records named) and the plan of the files.</summary>
    public const string Plan = nameof(Plan);

    /// <summary>The event pages' steps of the same stages: each page's event model, the event names, each event page's shape, the merge and plan.</summary>
    public const string EventModel = nameof(EventModel);
    public const string EventNames = nameof(EventNames);
    public const string EventShape = nameof(EventShape);
    public const string EventPlan = nameof(EventPlan);

    /// <summary>Each planned unit (API and events alike).</summary>
    public const string Units = nameof(Units);

    /// <summary>Each unit printed (one run per file, API and events alike).</summary>
    public const string Print = nameof(Print);
}
