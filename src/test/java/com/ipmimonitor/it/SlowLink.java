package com.ipmimonitor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A slow network path to a simulated BMC, in user space: a loopback UDP relay on an address of its own that
 * forwards every datagram to the BMC, and every answer back, after a delay in each direction. Each sender (one
 * ipmitool run) gets its own socket towards the BMC, so the answers find their way back. The delay can change
 * while it runs.
 */
final class SlowLink implements AutoCloseable {

    private final DatagramSocket front;
    private final SocketAddress bmc;
    private final String host;
    private final Map<SocketAddress, DatagramSocket> towardsBmc = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayed = new ScheduledThreadPoolExecutor(2);
    private final Thread relaying;
    private volatile Duration delay;
    private volatile boolean cut;
    private final java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();

    SlowLink(String host, int port, SimulatedBmc target, Duration delayEachWay) {
        try {
            front = new DatagramSocket(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
        }
        this.host = host;
        this.bmc = new InetSocketAddress(target.host(), target.port());
        this.delay = delayEachWay;
        relaying = new Thread(() -> relayUntilClosed(front, this::towardsBmc), "slow-link-" + host);
        relaying.setDaemon(true);
        relaying.start();
    }

    void delayEachWay(Duration next) {
        delay = next;
    }

    /** How many answers of the BMC came through so far (each one relayed, unless the link was cut). */
    int answers() {
        return answers.get();
    }

    /** From now on every datagram is lost, both ways: a link that went away. */
    void cutOff() {
        cut = true;
    }

    private void towardsBmc(DatagramPacket request) {
        DatagramSocket socket = towardsBmc.computeIfAbsent(request.getSocketAddress(), this::socketFor);
        later(socket, request.getData(), request.getLength(), bmc);
    }

    private DatagramSocket socketFor(SocketAddress sender) {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0));
            Thread back = new Thread(() -> relayUntilClosed(socket, answer -> {
                answers.incrementAndGet();
                later(front, answer.getData(), answer.getLength(), sender);
            }), "slow-link-back-" + sender);
            back.setDaemon(true);
            back.start();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void later(DatagramSocket socket, byte[] data, int length, SocketAddress to) {
        if (cut) {
            return;
        }
        byte[] copy = Arrays.copyOf(data, length);
        delayed.schedule(() -> {
            try {
                socket.send(new DatagramPacket(copy, copy.length, to));
            } catch (IOException lost) {
                // a lost datagram is what a bad link does too
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs until the socket is closed, which ends the blocking receive. */
    private static void relayUntilClosed(DatagramSocket socket, java.util.function.Consumer<DatagramPacket> relay) {
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
                socket.receive(packet);
                relay.accept(packet);
            } catch (IOException | UncheckedIOException closedOrRefused) {
                // closed: the loop ends; an ICMP error from a sender that went away: relay the next one
            } catch (RejectedExecutionException closing) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        front.close();
        towardsBmc.values().forEach(DatagramSocket::close);
        relaying.join(5_000);
        delayed.shutdownNow();
        delayed.awaitTermination(5, TimeUnit.SECONDS);
    }
}
