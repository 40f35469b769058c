package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;

/**
 * tcpsock, udpsock and closetcp against servers on the loopback address, udgram against
 * a UNIX datagram socket (sent by the Perl bridge): data arrives without a newline.
 */
class SocketActionsTest {

	@Test
	void tcpAndUdpPeersGetTheEventText() throws Exception {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		try (ServerSocket tcp = new ServerSocket(0, 1, loopback); DatagramSocket udp = new DatagramSocket(0, loopback)) {
			tcp.setSoTimeout(10_000);
			udp.setSoTimeout(10_000);
			Path dir = Files.createTempDirectory("sock");
			int port = tcp.getLocalPort();
			Files.writeString(dir.resolve("r.sec"), String.join("\n", "type=Single", "ptype=RegExp",
					"pattern=^SEND (\\S+)", "desc=send $1",
					"action=tcpsock 127.0.0.1:" + port + " tcp-$1; udpsock 127.0.0.1:" + udp.getLocalPort() + " udp-$1", "",
					"type=Single", "ptype=SubStr", "pattern=CLOSE", "desc=close",
					"action=closetcp 127.0.0.1:" + port + "; tcpsock no-port-here x", ""));
			RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
			});
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			SecEngine engine = SecEngine.start(rules, SecOptions.defaults(), () -> 1_700_000_000L,
					new PrintStream(out, true, StandardCharsets.ISO_8859_1), new SecLog(() -> 0, 1, null, null));
			// as in sec, the connect does not block: the first event waits until the connection is
			// established, which the next tcpsock (or process_lists) finds; closetcp then ends it
			engine.processLine("SEND hello", "-", null);
			try (Socket client = tcp.accept()) {
				client.setSoTimeout(10_000);
				engine.processLine("SEND world", "-", null);
				engine.processLine("CLOSE", "-", null);
				byte[] received = client.getInputStream().readAllBytes(); // closetcp ends the stream
				assertEquals("tcp-hellotcp-world", new String(received, StandardCharsets.ISO_8859_1));
			}
			DatagramPacket packet = new DatagramPacket(new byte[100], 100);
			udp.receive(packet);
			assertEquals("udp-hello", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
			engine.shutdown();
		}
	}

	@Test
	void udgramReachesAUnixDatagramSocketThroughThePerlBridge() throws Exception {
		Path dir = Files.createTempDirectory("udgram");
		Path socket = dir.resolve("s.sock");
		// a receiver that prints the first two datagrams; python3 is on every machine the tests run on
		Process receiver = new ProcessBuilder("python3", "-c", "import socket,sys\n"
				+ "s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\ns.bind(sys.argv[1])\nprint('ready',flush=True)\n"
				+ "for i in range(2): print(s.recv(100).decode(),flush=True)\n", socket.toString()).start();
		java.io.BufferedReader lines = new java.io.BufferedReader(
				new java.io.InputStreamReader(receiver.getInputStream(), StandardCharsets.ISO_8859_1));
		assertEquals("ready", lines.readLine());
		Files.writeString(dir.resolve("r.sec"), String.join("\n", "type=Single", "ptype=RegExp", "pattern=^SEND (\\S+)",
				"desc=send $1", "action=udgram " + socket + " dgram-$1; udgram " + dir.resolve("missing.sock")
						+ " lost; closeudgr " + socket + "; udgram " + socket + " again-$1",
				""));
		try (org.sec.engine.perl.PerlBridge perl = org.sec.engine.perl.PerlBridge.fromPath()) {
			RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, perl, d -> {
			});
			Path log = dir.resolve("sec.log");
			SecLog secLog = new SecLog(() -> 0, 6, log, null);
			SecEngine engine = SecEngine.start(rules, SecOptions.defaults(), () -> 1_700_000_000L,
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1), secLog);
			engine.processLine("SEND hello", "-", null);
			assertEquals("dgram-hello", lines.readLine());
			assertEquals("again-hello", lines.readLine(), "closeudgr closed it; the next udgram opened it again");
			engine.shutdown();
			secLog.close();
			List<String> logged = Files.readAllLines(log).stream().map(l -> l.substring(l.indexOf(": ") + 2))
					.filter(l -> l.contains("socket")).toList();
			assertEquals(List.of("Sending event 'dgram-hello' to unix datagram socket '" + socket + "'",
					"Sending event 'lost' to unix datagram socket '" + dir.resolve("missing.sock") + "'",
					"Can't send event 'lost' to socket '" + dir.resolve("missing.sock") + "' (socket does not exist)",
					"Closing unix datagram socket '" + socket + "'",
					"Sending event 'again-hello' to unix datagram socket '" + socket + "'"), logged);
		} finally {
			receiver.destroy();
		}
	}
}
