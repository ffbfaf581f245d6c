package com.ipmimonitor.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 (ephemeral port) that keeps every message: EHLO with AUTH PLAIN, MAIL,
 * RCPT, DATA (dot-unstuffed), RSET, NOOP, QUIT. Enough for Jakarta Mail; no TLS (the app runs with
 * SMTP_STARTTLS=false against it).
 */
final class SmtpSink implements AutoCloseable {

    record Mail(String login, String from, List<String> to, String subject, String data) {
    }

    private final ServerSocket socket;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SmtpSink() throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(30_000);
            reply(out, "220 sink ESMTP");
            String login = null;
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-sink\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                } else if (upper.startsWith("AUTH PLAIN ")) {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring(11).strip()), StandardCharsets.UTF_8)
                            .split("\0");
                    login = parts[1] + ":" + parts[2];
                    reply(out, "235 2.7.0 accepted");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10).strip();
                    to = new ArrayList<>();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(line.substring(8).strip().replaceAll("[<>]", ""));
                    reply(out, "250 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    String data = readData(in);
                    mails.add(new Mail(login, from, List.copyOf(to), subjectOf(data), data));
                    reply(out, "250 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    reply(out, "250 ok");
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
        }
        return data.toString();
    }

    /** Unfolds the headers (long subjects are folded over lines) and finds Subject. */
    private static String subjectOf(String data) {
        String headers = data.split("\n\n", 2)[0].replaceAll("\n[ \t]", " ");
        for (String header : headers.split("\n")) {
            if (header.regionMatches(true, 0, "Subject:", 0, 8)) {
                return header.substring(8).strip();
            }
        }
        return "";
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
