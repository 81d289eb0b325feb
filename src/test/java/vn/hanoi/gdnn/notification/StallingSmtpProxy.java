package vn.hanoi.gdnn.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between a sender and a real SMTP server that passes the conversation through until the sender has
 * issued DATA and starts writing the message, then holds it: the sender is in the middle of sending, the server
 * has not got the message. {@link #cut()} drops both connections, as a node's death would.
 */
final class StallingSmtpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int serverPort;
  private final CountDownLatch stalled = new CountDownLatch(1);
  private volatile Socket client;
  private volatile Socket server;

  StallingSmtpProxy(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptOne, "stalling-smtp-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Whether a sender got into the message's content within the time. */
  boolean awaitStalled(long seconds) throws InterruptedException {
    return stalled.await(seconds, TimeUnit.SECONDS);
  }

  /** Both connections go, the server sees its client vanish in the middle of DATA. */
  void cut() {
    closeQuietly(client);
    closeQuietly(server);
  }

  private void acceptOne() {
    try {
      client = listener.accept();
      server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
      Thread back = new Thread(() -> copy(server, client), "stalling-smtp-proxy-back");
      back.setDaemon(true);
      back.start();
      InputStream in = client.getInputStream();
      OutputStream out = server.getOutputStream();
      byte[] buffer = new byte[8192];
      boolean inData = false;
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (inData) {
          stalled.countDown(); // the message's content: held here, never forwarded
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
        String text = new String(buffer, 0, n, StandardCharsets.US_ASCII);
        inData = text.startsWith("DATA\r\n") || text.contains("\r\nDATA\r\n");
      }
    } catch (IOException e) {
      // cut, or the sender went away
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // cut
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}
