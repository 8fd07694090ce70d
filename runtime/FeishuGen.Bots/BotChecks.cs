namespace FeishuGen.Bots;

/// <summary>Option checks: a rule broken is a <see cref="FeishuConfigurationException"/> naming the option.</summary>
internal static class BotChecks
{
    public static void Require(bool condition, string rule, string owner)
    {
        if (!condition)
        {
            throw new FeishuConfigurationException(owner + "." + rule);
        }
    }
}
