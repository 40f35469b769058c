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
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;

/** tcpsock, udpsock and closetcp against servers on the loopback address: data arrives without a newline. */
class SocketActionsTest {

	@Test
	void tcpAndUdpPeersGetTheEventText() throws Exception {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		try (ServerSocket tcp = new ServerSocket(0, 1, loopback); DatagramSocket udp = new DatagramSocket(0, loopback)) {
			tcp.setSoTimeout(10_000);
			udp.setSoTimeout(10_000);
			Path dir = Files.createTempDirectory("sock");
			Files.writeString(dir.resolve("r.sec"), String.join("\n", "type=Single", "ptype=RegExp",
					"pattern=^SEND (\\S+)", "desc=send $1",
					"action=tcpsock 127.0.0.1:" + tcp.getLocalPort() + " tcp-$1; udpsock 127.0.0.1:" + udp.getLocalPort()
							+ " udp-$1; closetcp 127.0.0.1:" + tcp.getLocalPort() + "; tcpsock no-port-here x",
					""));
			RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
			});
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			SecEngine engine = SecEngine.start(rules, SecEngine.Settings.defaults(), () -> 1_700_000_000L,
					new PrintStream(out, true, StandardCharsets.ISO_8859_1), new SecLog(() -> 0, 1, null, null));
			engine.processLine("SEND hello", "-", null);

			try (Socket client = tcp.accept()) {
				client.setSoTimeout(10_000);
				byte[] received = client.getInputStream().readAllBytes(); // closetcp ends the stream
				assertEquals("tcp-hello", new String(received, StandardCharsets.ISO_8859_1));
			}
			DatagramPacket packet = new DatagramPacket(new byte[100], 100);
			udp.receive(packet);
			assertEquals("udp-hello", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
			engine.shutdown();
		}
	}
}
