using System.CodeDom.Compiler;
using System.Reflection;
using FeishuGen.Tests.Api.Hire.V1;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>
/// [GeneratedCode] carries the version the generator was built as ($(Version), written into ThisAssembly at
/// build time). tests/PackageSmoke/run.sh packs as 0.1.0-smoke.{time} and checks the fresh project's generated files.
/// </summary>
public sealed class VersionStampTests
{
    [Fact]
    public void Generated_types_carry_the_version_the_generator_was_built_as()
    {
        var generator = typeof(FeishuGen.Generator.FeishuSourceGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var built = generator.Split('+')[0];

        var stamp = typeof(UpdateResultEcoBackgroundCheckRequest).GetCustomAttribute<GeneratedCodeAttribute>()!;

        Assert.Equal(("FeishuGen", built), (stamp.Tool, stamp.Version));
        Assert.Equal(FeishuGen.Generator.Emitting.ThisAssembly.Version, built);
    }
}
