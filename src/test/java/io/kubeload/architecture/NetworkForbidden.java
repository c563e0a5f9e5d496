package io.kubeload.architecture;

import io.kubeload.cli.Main;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketPermission;
import java.nio.channels.SocketChannel;
import java.security.Permission;

/**
 * A JVM entry point that forbids the network, for {@link AnalyzeStaysOfflineTest}'s forked run: a
 * security manager refuses every {@link SocketPermission} (connect, resolve, listen, accept, for
 * plain and NIO sockets and DNS alike) and prints each refusal on stderr. With {@code --probe} it
 * only tries a socket and a channel, to show the refusal works.
 */
public final class NetworkForbidden {

  static final String REFUSED = "network refused: ";

  private NetworkForbidden() {}

  @SuppressWarnings("removal")
  public static void main(String[] args) throws IOException {
    System.setSecurityManager(
        new SecurityManager() {
          @Override
          public void checkPermission(Permission permission) {
            if (permission instanceof SocketPermission) {
              System.err.println(REFUSED + permission.getName() + " " + permission.getActions());
              throw new SecurityException(REFUSED + permission);
            }
          }

          @Override
          public void checkPermission(Permission permission, Object context) {
            checkPermission(permission);
          }
        });
    if (args.length == 1 && args[0].equals("--probe")) {
      probe(() -> new Socket(InetAddress.getLoopbackAddress(), 9).close());
      probe(
          () ->
              SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9))
                  .close());
      System.exit(0);
    }
    System.exit(Main.run(args, System.in, System.out, System.err));
  }

  private interface Attempt {
    void run() throws IOException;
  }

  private static void probe(Attempt attempt) throws IOException {
    try {
      attempt.run();
      System.out.println("connected");
    } catch (SecurityException refused) {
      System.out.println("refused");
    } catch (IOException e) {
      System.out.println("reached the network stack: " + e.getMessage());
    }
  }
}
