namespace FeishuGen.Generator.Emitting;

/// <summary>The generator's version, stamped into [GeneratedCode] attributes.</summary>
internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
