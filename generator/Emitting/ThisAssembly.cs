namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The generator's version, stamped into [GeneratedCode] attributes. <c>Version</c> is written at build
/// time from MSBuild's $(Version) (the WriteThisAssemblyVersion target in the project), so a package built
/// as another version stamps that version, never a number typed here.
/// </summary>
internal static partial class ThisAssembly
{
}
