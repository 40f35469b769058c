package org.sec.engine.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.log.SecLog;

/**
 * The socket actions as sec does them (L4578-5346): udpsock, tcpsock and ustream send
 * without a newline over a connection kept per peer until its close action. Connections
 * are made without blocking: until one is established its events wait in a buffer, and
 * it is given up after --socket-timeout seconds (check_new_conn, also run by
 * process_lists); established stream connections are watched for the peer closing them
 * (check_established_conns). UNIX datagram sockets (udgram) have no Java API: the Perl
 * bridge sends those (PerlCode).
 */
final class SocketOutputs {

	private static final Pattern PEER = Pattern.compile("^(.+):([0-9]+)$");
	/** sec's BATCHREADLIMIT: how much a check reads from one established connection. */
	private static final int BATCH_READ_LIMIT = 8192;

	/** A stream connection that is not established yet, and the events waiting for it. */
	private static final class Pending {
		final SocketChannel channel;
		final List<String> buffer = new ArrayList<>();
		final long since;

		Pending(SocketChannel channel, String event, long since) {
			this.channel = channel;
			this.buffer.add(event);
			this.since = since;
		}
	}

	/** tcpsock's TCP peers or ustream's UNIX sockets: established and pending connections. */
	private final class Streams {
		final String kind; // how log messages name a peer: "TCP peer" or "socket"
		final Map<String, SocketChannel> established = new HashMap<>();
		final Map<String, Pending> pending = new HashMap<>();

		Streams(String kind) {
			this.kind = kind;
		}

		String dest(String peer) {
			return kind + " '" + peer + "'";
		}

		/** check_new_conn (L4658). */
		void checkNewConnection(String peer) {
			Pending p = pending.get(peer);
			boolean connected;
			try {
				connected = p.channel.finishConnect();
			} catch (IOException e) {
				// the socket is writable with an error: sec's first send reports it
				log.log(SecLog.Level.DEBUG, "Error when sending event '" + p.buffer.get(0) + "' to " + dest(peer) + " ("
						+ reason(e) + ")");
				SocketOutputs.close(p.channel);
				pending.remove(peer);
				return;
			}
			if (!connected) {
				if (time.getAsLong() - p.since > timeoutSeconds) {
					log.log(SecLog.Level.DEBUG, "Can't connect to " + dest(peer) + " (connection establishment timeout)");
					SocketOutputs.close(p.channel);
					pending.remove(peer);
				}
				return;
			}
			pending.remove(peer);
			for (String event : p.buffer) {
				if (send(p.channel, event, dest(peer)) == 0) {
					SocketOutputs.close(p.channel);
					return;
				}
			}
			established.put(peer, p.channel);
		}

		/** check_established_conns (L12282): data from the peer is read and dropped; its end closes the socket. */
		void checkEstablished() {
			if (established.isEmpty()) {
				return; // the common case, each second: no buffer to allocate
			}
			ByteBuffer buffer = ByteBuffer.allocate(BATCH_READ_LIMIT);
			for (String peer : new ArrayList<>(established.keySet())) {
				SocketChannel channel = established.get(peer);
				int total = 0;
				while (total < BATCH_READ_LIMIT) {
					buffer.clear();
					int n;
					try {
						n = channel.read(buffer);
					} catch (IOException e) {
						log.log(SecLog.Level.DEBUG, "Connection error to " + dest(peer) + " (" + reason(e) + ")");
						SocketOutputs.close(established.remove(peer));
						break;
					}
					if (n < 0) {
						log.log(SecLog.Level.DEBUG, "Connection to " + dest(peer) + " closed by peer");
						SocketOutputs.close(established.remove(peer));
						break;
					}
					if (n == 0) {
						break;
					}
					total += n;
				}
			}
		}

		/** The part of tcpsock and ustream that is the same (L5004-5090, L5234-5320). */
		void sendEvent(String peer, String event, java.util.function.Supplier<SocketChannel> connect) {
			SocketChannel channel = established.get(peer);
			if (channel != null) {
				if (send(channel, event, dest(peer)) != 0) {
					return;
				}
				log.log(SecLog.Level.DEBUG, "Retrying to send event '" + event + "' to " + dest(peer));
				SocketOutputs.close(established.remove(peer));
			} else if (pending.containsKey(peer)) {
				pending.get(peer).buffer.add(event);
				checkNewConnection(peer);
				return;
			}
			channel = connect.get();
			if (channel == null) {
				return;
			}
			if (channel.isConnected()) {
				established.put(peer, channel);
				if (send(channel, event, dest(peer)) == 0) {
					SocketOutputs.close(established.remove(peer));
				}
			} else {
				pending.put(peer, new Pending(channel, event, time.getAsLong()));
			}
		}

		void closePeer(String peer, String notOpenMessage, String errorPrefix) {
			SocketChannel channel = established.remove(peer);
			Pending p = pending.remove(peer);
			if (channel == null && p != null) {
				channel = p.channel;
			}
			if (channel == null) {
				log.log(SecLog.Level.DEBUG, notOpenMessage);
				return;
			}
			try {
				channel.close();
			} catch (IOException e) {
				log.log(SecLog.Level.WARN, errorPrefix + " (" + reason(e) + ")");
			}
		}

		void closeAll() {
			established.values().forEach(SocketOutputs::close);
			pending.values().forEach(p -> SocketOutputs.close(p.channel));
			established.clear();
			pending.clear();
		}
	}

	private final SecLog log;
	private final int timeoutSeconds;
	private final LongSupplier time;
	private final Map<String, DatagramChannel> udp = new HashMap<>();
	private final Streams tcp = new Streams("TCP peer");
	private final Streams unixStreams = new Streams("socket");

	SocketOutputs(SecLog log, int socketTimeoutSeconds, LongSupplier time) {
		this.log = log;
		this.timeoutSeconds = socketTimeoutSeconds;
		this.time = time;
	}

	/** send_to_socket (L4578): 2 sent, 1 not all of it (or would block), 0 the connection failed. */
	private int send(ByteChannel channel, String event, String dest) {
		ByteBuffer data = ByteBuffer.wrap(event.getBytes(StandardCharsets.ISO_8859_1));
		int length = data.remaining();
		int n;
		try {
			n = channel.write(data);
		} catch (IOException e) {
			log.log(SecLog.Level.DEBUG, "Error when sending event '" + event + "' to " + dest + " (" + reason(e) + ")");
			return 0;
		}
		if (n == 0 && length > 0) {
			log.log(SecLog.Level.DEBUG,
					"Error when sending event '" + event + "' to " + dest + " (Resource temporarily unavailable)");
			return 1;
		}
		if (n != length) {
			log.log(SecLog.Level.DEBUG, n + " bytes of '" + event + "' sent to " + dest);
			return 1;
		}
		return 2;
	}

	/** host:port as sec's create_sock_addr resolves it; null (logged) when it cannot be used. */
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
		InetSocketAddress address;
		try {
			address = new InetSocketAddress(host, Integer.parseInt(m.group(2)));
		} catch (IllegalArgumentException e) {
			address = null;
		}
		if (address == null || address.isUnresolved()) {
			log.log(SecLog.Level.DEBUG, "Can't connect to " + kind + " peer '" + peer + "' for sending event '" + event + "'");
			return null;
		}
		return address;
	}

	/** execute_udpsock_action (L5119). */
	void udp(String peer, String event) {
		log.log(SecLog.Level.DEBUG, "Sending event '" + event + "' to UDP peer '" + peer + "'");
		String dest = "UDP peer '" + peer + "'";
		DatagramChannel channel = udp.get(peer);
		if (channel != null) {
			if (send(channel, event, dest) != 0) {
				return;
			}
			log.log(SecLog.Level.DEBUG, "Retrying to send event '" + event + "' to UDP peer '" + peer + "'");
			close(udp.remove(peer));
		}
		InetSocketAddress target = address(peer, "UDP", event);
		if (target == null) {
			return;
		}
		try {
			channel = DatagramChannel.open();
			channel.connect(target);
			channel.configureBlocking(false);
		} catch (IOException e) {
			log.log(SecLog.Level.DEBUG, "Can't connect to UDP peer '" + peer + "' for sending event '" + event + "' ("
					+ reason(e) + ")");
			close(channel);
			return;
		}
		udp.put(peer, channel);
		if (send(channel, event, dest) == 0) {
			close(udp.remove(peer));
		}
	}

	/** execute_tcpsock_action (L5219). */
	void tcp(String peer, String event) {
		log.log(SecLog.Level.DEBUG, "Sending event '" + event + "' to TCP peer '" + peer + "'");
		tcp.sendEvent(peer, event, () -> {
			InetSocketAddress target = address(peer, "TCP", event);
			return target == null ? null : connect(SocketChannel::open, target, "TCP peer '" + peer + "'", event);
		});
	}

	/** execute_ustream_action (L4989). */
	void unixStream(String path, String event) {
		log.log(SecLog.Level.DEBUG, "Sending event '" + event + "' to unix stream socket '" + path + "'");
		unixStreams.sendEvent(path, event, () -> {
			if (!isSocket(Path.of(path))) {
				log.log(SecLog.Level.DEBUG, "Can't send event '" + event + "' to socket '" + path + "' (socket does not exist)");
				return null;
			}
			return connect(() -> SocketChannel.open(StandardProtocolFamily.UNIX), UnixDomainSocketAddress.of(path),
					"socket '" + path + "'", event);
		});
	}

	private interface ChannelFactory {
		SocketChannel open() throws IOException;
	}

	/** A non-blocking connect: the channel, connected or pending; null (logged) when it failed at once. */
	private SocketChannel connect(ChannelFactory factory, SocketAddress target, String dest, String event) {
		SocketChannel channel;
		try {
			channel = factory.open();
		} catch (IOException | UnsupportedOperationException e) {
			log.log(SecLog.Level.ERR, "Can't create socket for sending event '" + event + "' (" + e.getMessage() + ")");
			return null;
		}
		try {
			channel.configureBlocking(false);
			channel.connect(target);
			return channel;
		} catch (IOException e) {
			log.log(SecLog.Level.DEBUG, "Can't connect to " + dest + " for sending event '" + event + "' (" + reason(e) + ")");
			close(channel);
			return null;
		}
	}

	private static boolean isSocket(Path path) {
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode");
			return (mode & 0170000) == 0140000;
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return false;
		}
	}

	/** execute_closeudp_action (L5197). */
	void closeUdp(String peer) {
		log.log(SecLog.Level.DEBUG, "Closing socket for UDP peer '" + peer + "'");
		DatagramChannel channel = udp.remove(peer);
		if (channel == null) {
			log.log(SecLog.Level.DEBUG, "No socket for UDP peer '" + peer + "', can't close");
			return;
		}
		try {
			channel.close();
		} catch (IOException e) {
			log.log(SecLog.Level.WARN, "Error when closing socket for UDP peer '" + peer + "' (" + reason(e) + ")");
		}
	}

	/** execute_closetcp_action (L5325). */
	void closeTcp(String peer) {
		log.log(SecLog.Level.DEBUG, "Closing socket for TCP peer '" + peer + "'");
		tcp.closePeer(peer, "No socket for TCP peer '" + peer + "', can't close",
				"Error when closing socket for TCP peer '" + peer + "'");
	}

	/** execute_closeustr_action (L5092). */
	void closeUnixStream(String path) {
		log.log(SecLog.Level.DEBUG, "Closing unix stream socket '" + path + "'");
		unixStreams.closePeer(path, "Socket '" + path + "' is not open, can't close", "Error when closing socket '" + path + "'");
	}

	/** What process_lists does for sockets (L9878-9901): pending connections, then established ones. */
	void check() {
		for (Streams streams : List.of(tcp, unixStreams)) {
			for (String peer : new ArrayList<>(streams.pending.keySet())) {
				streams.checkNewConnection(peer);
			}
			streams.checkEstablished();
		}
	}

	/** Whether a connection is open or being made: process_lists then has work every time it runs. */
	boolean anyOpen() {
		return !tcp.pending.isEmpty() || !tcp.established.isEmpty() || !unixStreams.pending.isEmpty()
				|| !unixStreams.established.isEmpty();
	}

	/** USR2, HUP and shutdown close every connection (close_outputs). */
	void closeAll() {
		udp.values().forEach(SocketOutputs::close);
		udp.clear();
		tcp.closeAll();
		unixStreams.closeAll();
	}

	private static void close(java.nio.channels.Channel channel) {
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException e) {
				// already gone
			}
		}
	}

	private static String reason(IOException e) {
		String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m;
	}
}
