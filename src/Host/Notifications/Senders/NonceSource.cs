namespace Workflows.Host.Notifications.Senders;

/// <summary>Unique values for request signing (Alibaba's SignatureNonce) and generated ids; replaced in tests.</summary>
internal interface INonceSource
{
    string Next();
}

internal sealed class GuidNonceSource : INonceSource
{
    public string Next() => Guid.NewGuid().ToString("D");
}
