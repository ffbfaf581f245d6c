package com.ipmimonitor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Random;

/**
 * A loopback UDP "BMC" that answers every datagram, but never with IPMI: what a wrong device on the BMC's address
 * or a BMC with broken firmware sends. Which answer it gives can change while it runs.
 */
final class GarbageBmc implements AutoCloseable {

    enum Answer {
        /** Random bytes that are not even RMCP. */
        RANDOM_BYTES,
        /** An ASF presence pong (RMCP class 6) whose supported entities say "no IPMI": a NIC or an AMT-style agent. */
        ASF_PONG_WITHOUT_IPMI,
        /** An RMCP+ Open Session Response (payload type 0x11), whatever was asked, with an implausible body. */
        OPEN_SESSION_RESPONSE_OUT_OF_TURN
    }

    private static final byte[] ASF_PONG_WITHOUT_IPMI = bytes(
            0x06, 0x00, 0xff, 0x06,                          // RMCP 1.0, no ack, class ASF
            0x00, 0x00, 0x11, 0xbe, 0x40, 0x00, 0x00, 0x10,  // ASF IANA, Presence Pong, tag, reserved, 16 data bytes
            0x00, 0x00, 0x11, 0xbe, 0, 0, 0, 0,              // IANA, OEM
            0x01, 0x00, 0, 0, 0, 0, 0, 0);                   // entities: ASF 1.0, bit 7 (IPMI) clear
    private static final byte[] OPEN_SESSION_RESPONSE = bytes(
            0x06, 0x00, 0xff, 0x07,                          // RMCP 1.0, class IPMI
            0x06, 0x11, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00,  // RMCP+, Open Session Response, session 0, seq 0, 8 bytes
            0xff, 0x00, 0x04, 0, 0, 0, 0, 0);                // tag, "status" 0, max privilege, no session id

    private final DatagramSocket socket;
    private final Thread answering;
    private final Random random = new Random(623);
    private volatile Answer answer;

    GarbageBmc(String host, int port, Answer first) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
        }
        answer = first;
        answering = new Thread(this::answerUntilClosed, "garbage-bmc-" + host);
        answering.setDaemon(true);
        answering.start();
    }

    void answerWith(Answer next) {
        answer = next;
    }

    /** Runs until close() closes the socket, which ends the blocking receive. */
    private void answerUntilClosed() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                socket.receive(request);
                byte[] reply = reply();
                socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
            } catch (IOException closedOrRefused) {
                // closed: the loop ends; an ICMP error from a sender that went away: keep answering the next one
            }
        }
    }

    private byte[] reply() {
        return switch (answer) {
            case RANDOM_BYTES -> {
                byte[] noise = new byte[40];
                random.nextBytes(noise);
                noise[0] = 0x5a; // RMCP starts with its version, 6: with anything else, not even RMCP (every time)
                yield noise;
            }
            case ASF_PONG_WITHOUT_IPMI -> ASF_PONG_WITHOUT_IPMI;
            case OPEN_SESSION_RESPONSE_OUT_OF_TURN -> OPEN_SESSION_RESPONSE;
        };
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        answering.join(5_000);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
