using System;
using System.Threading.Tasks;

namespace FeishuGen.Drill;

/// <summary>One drill scenario: what is done to the client, what it must do, and what it did.</summary>
internal sealed record Scenario(string Name, string Expected, Func<DrillContext, Task<string>> Run);

/// <summary>A scenario's verdict.</summary>
internal sealed record Outcome(Scenario Scenario, bool Passed, string Observed);

/// <summary>Thrown by a scenario whose observation contradicts its expectation.</summary>
internal sealed class DrillFailure(string observed) : Exception(observed);
