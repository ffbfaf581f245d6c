package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    // key derivation is deliberately slow (PBKDF2, 100k rounds): derive each key once
    private static final CredentialCipher CIPHER = new CredentialCipher("test-secret-key-0123456789");
    private static final CredentialCipher OTHER = new CredentialCipher("another-secret-key-9876543210");

    @Test
    void roundTripsPlainAsciiUnicodeAndShellCharacters() {
        for (String plain : new String[] {"secret", "p#ss$word!", "Pässwörd-日本語-🔑", " leading and trailing ", "a"}) {
            String stored = CIPHER.convertToDatabaseColumn(plain);

            assertEquals(plain, CIPHER.convertToEntityAttribute(stored));
        }
    }

    @Test
    void storedFormIsVersionedBase64OfIvAndCiphertextWithoutThePlainText() {
        String plain = "NvidiaPass16chars";

        String stored = CIPHER.convertToDatabaseColumn(plain);

        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(plain), stored);
        byte[] all = Base64.getDecoder().decode(stored.substring(3));
        assertEquals(12 + plain.length() + 16, all.length, "12-byte IV + ciphertext + 16-byte GCM tag");
    }

    @Test
    void encryptingTheSameValueTwiceGivesDifferentStoredForms() {
        String first = CIPHER.convertToDatabaseColumn("secret");
        String second = CIPHER.convertToDatabaseColumn("secret");

        assertNotEquals(first, second);
        assertEquals("secret", CIPHER.convertToEntityAttribute(first));
        assertEquals("secret", CIPHER.convertToEntityAttribute(second));
    }

    @Test
    void sameSecretInANewInstanceDecrypts() {
        String stored = CIPHER.convertToDatabaseColumn("secret");

        assertEquals("secret", new CredentialCipher("test-secret-key-0123456789").convertToEntityAttribute(stored));
    }

    @Test
    void differentSecretCannotDecrypt() {
        String stored = CIPHER.convertToDatabaseColumn("secret");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OTHER.convertToEntityAttribute(stored));
        assertTrue(e.getMessage().contains("SECRET_KEY"), e.getMessage());
    }

    @Test
    void tamperingWithAnyOneByteIsDetected() {
        String stored = CIPHER.convertToDatabaseColumn("secret");
        byte[] all = Base64.getDecoder().decode(stored.substring(3));

        for (int i : new int[] {0, 11, 12, all.length - 17, all.length - 1}) { // IV, ciphertext, tag
            byte[] tampered = all.clone();
            tampered[i] ^= 0x01;
            String changed = "v1:" + Base64.getEncoder().encodeToString(tampered);

            assertThrows(IllegalStateException.class, () -> CIPHER.convertToEntityAttribute(changed), "byte " + i);
        }
    }

    @Test
    void unencryptedStoredValueIsRejected() {
        assertThrows(IllegalStateException.class, () -> CIPHER.convertToEntityAttribute("secret"));
    }

    @Test
    void nullAndEmptyMapToNullBothWays() {
        assertNull(CIPHER.convertToDatabaseColumn(null));
        assertNull(CIPHER.convertToDatabaseColumn(""));
        assertNull(CIPHER.convertToEntityAttribute(null));
        assertNull(CIPHER.convertToEntityAttribute(""));
    }
}
