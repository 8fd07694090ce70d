using System;
using FeishuGen;
using FeishuGen.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Feishu sign-in to an ASP.NET Core app.</summary>
public static class FeishuAuthenticationExtensions
{
    /// <summary>Adds Feishu sign-in with the app, secret and domain of the registered <see cref="FeishuClientOptions"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    public static AuthenticationBuilder AddFeishu(this AuthenticationBuilder builder)
        => builder.AddFeishu(FeishuAuthenticationDefaults.AuthenticationScheme, _ => { });

    /// <summary>Adds Feishu sign-in.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the options: AppId, AppSecret, Scope, BaseAddress (Lark, or a local server)…</param>
    public static AuthenticationBuilder AddFeishu(this AuthenticationBuilder builder, Action<FeishuAuthenticationOptions> configure)
        => builder.AddFeishu(FeishuAuthenticationDefaults.AuthenticationScheme, configure);

    /// <summary>Adds Feishu sign-in under the scheme <paramref name="scheme"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="scheme">The scheme's name.</param>
    /// <param name="configure">Sets the options.</param>
    public static AuthenticationBuilder AddFeishu(this AuthenticationBuilder builder, string scheme, Action<FeishuAuthenticationOptions> configure)
        => builder.AddFeishu(scheme, FeishuAuthenticationDefaults.DisplayName, configure);

    /// <summary>
    /// Adds Feishu sign-in under <paramref name="scheme"/>, shown as <paramref name="caption"/>. The
    /// users' tokens go to the registered <see cref="IFeishuUserTokenStore"/> (in memory unless one is
    /// registered, e.g. with <c>services.AddFeishuDistributedUserTokenStore()</c>), and
    /// <see cref="FeishuUserSessions"/> hands them out through the registered <see cref="FeishuClient"/>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="scheme">The scheme's name.</param>
    /// <param name="caption">The name shown on sign-in buttons.</param>
    /// <param name="configure">Sets the options.</param>
    public static AuthenticationBuilder AddFeishu(this AuthenticationBuilder builder, string scheme, string? caption, Action<FeishuAuthenticationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<FeishuAuthenticationOptions>, FeishuAuthenticationPostConfigureOptions>());
        builder.Services.AddFeishuUserSessions();
        return builder.AddOAuth<FeishuAuthenticationOptions, FeishuAuthenticationHandler>(scheme, caption!, configure);
    }
}
