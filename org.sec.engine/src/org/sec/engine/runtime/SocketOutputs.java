package org.sec.engine.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.log.SecLog;

/**
 * The socket actions: udpsock and tcpsock send to host:port, ustream to a UNIX stream
 * socket, each without a newline, with the connection kept per peer until its close
 * action (sec L5119-5340). sec connects without blocking and buffers until connected;
 * this connects with --socket-timeout. UNIX datagram sockets (udgram) have no Java API: the Perl bridge sends those (PerlCode).
 */
final class SocketOutputs {

	private static final Pattern PEER = Pattern.compile("^(.+):([0-9]+)$");

	private final SecLog log;
	private final int timeoutMillis;
	private final Map<String, DatagramSocket> udp = new HashMap<>();
	private final Map<String, InetSocketAddress> udpTargets = new HashMap<>();
	private final Map<String, Socket> tcp = new HashMap<>();
	private final Map<String, SocketChannel> unixStreams = new HashMap<>();

	SocketOutputs(SecLog log, int socketTimeoutSeconds) {
		this.log = log;
		this.timeoutMillis = socketTimeoutSeconds * 1000;
	}

	private InetSocketAddress address(String peer, String kind, String event) {
		Matcher m = PEER.matcher(peer);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Can't connect to " + kind + " peer '" + peer + "' for sending event '" + event
					+ "' (peer not in host:portnumber format)");
			return null;
		}
		String host = m.group(1).startsWith("[") && m.group(1).endsWith("]")
				? m.group(1).substring(1, m.group(1).length() - 1)
				: m.group(1);
		return new InetSocketAddress(host, Integer.parseInt(m.group(2)));
	}

	void udp(String peer, String event) {
		try {
			DatagramSocket socket = udp.get(peer);
			if (socket == null) {
				InetSocketAddress target = address(peer, "UDP", event);
				if (target == null) {
					return;
				}
				socket = new DatagramSocket();
				udp.put(peer, socket);
				udpTargets.put(peer, target);
			}
			byte[] data = event.getBytes(StandardCharsets.ISO_8859_1);
			socket.send(new DatagramPacket(data, data.length, udpTargets.get(peer)));
		} catch (IOException e) {
			log.log(SecLog.Level.DEBUG, "Can't send event '" + event + "' to UDP peer '" + peer + "' (" + e.getMessage() + ")");
			closeUdp(peer);
		}
	}

	void tcp(String peer, String event) {
		try {
			Socket socket = tcp.get(peer);
			if (socket == null) {
				InetSocketAddress target = address(peer, "TCP", event);
				if (target == null) {
					return;
				}
				socket = new Socket();
				socket.connect(target, timeoutMillis);
				tcp.put(peer, socket);
			}
			OutputStream out = socket.getOutputStream();
			out.write(event.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		} catch (IOException e) {
			log.log(SecLog.Level.DEBUG, "Can't send event '" + event + "' to TCP peer '" + peer + "' (" + e.getMessage() + ")");
			closeTcp(peer);
		}
	}

	void unixStream(String path, String event) {
		try {
			SocketChannel channel = unixStreams.get(path);
			if (channel == null) {
				channel = SocketChannel.open(StandardProtocolFamily.UNIX);
				channel.connect(UnixDomainSocketAddress.of(path));
				unixStreams.put(path, channel);
			}
			ByteBuffer data = ByteBuffer.wrap(event.getBytes(StandardCharsets.ISO_8859_1));
			while (data.hasRemaining()) {
				channel.write(data);
			}
		} catch (IOException | UnsupportedOperationException e) {
			log.log(SecLog.Level.DEBUG, "Can't send event '" + event + "' to socket '" + path + "' (" + e.getMessage() + ")");
			closeUnixStream(path);
		}
	}

	void closeUdp(String peer) {
		DatagramSocket socket = udp.remove(peer);
		udpTargets.remove(peer);
		if (socket != null) {
			socket.close();
		}
	}

	void closeTcp(String peer) {
		Socket socket = tcp.remove(peer);
		if (socket != null) {
			try {
				socket.close();
			} catch (IOException e) {
				// already gone
			}
		}
	}

	void closeUnixStream(String path) {
		SocketChannel channel = unixStreams.remove(path);
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException e) {
				// already gone
			}
		}
	}

	/** USR2, HUP and shutdown close every connection (close_outputs). */
	void closeAll() {
		for (String peer : udp.keySet().toArray(new String[0])) {
			closeUdp(peer);
		}
		for (String peer : tcp.keySet().toArray(new String[0])) {
			closeTcp(peer);
		}
		for (String path : unixStreams.keySet().toArray(new String[0])) {
			closeUnixStream(path);
		}
	}
}
