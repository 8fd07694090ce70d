namespace FeishuGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check each step's cache behaviour.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string ReferencesTestServer = nameof(ReferencesTestServer);
    public const string Units = nameof(Units);
    public const string Pages = nameof(Pages);
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Model = nameof(Model);
    public const string Api = nameof(Api);
    public const string PageLines = nameof(PageLines);
    public const string ApiDiagnostics = nameof(ApiDiagnostics);
    public const string EventModel = nameof(EventModel);
    public const string Events = nameof(Events);
    public const string Emit = nameof(Emit);
    public const string Files = nameof(Files);
    public const string EventFiles = nameof(EventFiles);
}
