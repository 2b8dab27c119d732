using System.Net;
using System.Net.Sockets;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on (bound and released), for "server down" cases.</summary>
public static class ClosedPort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
