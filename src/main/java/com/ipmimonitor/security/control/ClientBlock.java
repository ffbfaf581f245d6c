package com.ipmimonitor.security.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The part of a client address the sign-in throttle counts by: the whole IPv4 address, but only the /64 network of
 * an IPv6 one, since every IPv6 subscriber gets a /64 (2^64 addresses) and could otherwise take a fresh address for
 * every few guesses. IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
public final class ClientBlock {

    private ClientBlock() {
    }

    public static String of(String remoteAddress) {
        String literal = remoteAddress == null ? "" : remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return literal.toLowerCase(Locale.ROOT); // not an address literal: never looked up in DNS
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 4 ? InetAddress.getByAddress(bytes).getHostAddress()
                    : HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
    }
}
