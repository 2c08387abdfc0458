#include <gtest/gtest.h>

#include "core/base/crypto.h"
#include "core/base/norway.h"

using namespace vakt;

TEST(Crypto, Sha256MatchesTheFips180TestVector) {
    EXPECT_EQ(crypto::sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, PasswordHashVerifiesOnlyTheRightPassword) {
    const auto hash = crypto::hashPassword("riktig hest batteri", {12, 8, 1});
    EXPECT_EQ(hash.rfind("$scrypt$ln=12,r=8,p=1$", 0), 0u);
    EXPECT_TRUE(crypto::verifyPassword("riktig hest batteri", hash));
    EXPECT_FALSE(crypto::verifyPassword("riktig hest batterI", hash));
    EXPECT_FALSE(crypto::verifyPassword("", hash));
}

TEST(Crypto, SamePasswordGetsDifferentSalts) {
    EXPECT_NE(crypto::hashPassword("same password", {10, 8, 1}), crypto::hashPassword("same password", {10, 8, 1}));
}

TEST(Crypto, MalformedStoredHashesNeverVerify) {
    for (const char* bad : {"", "plaintext", "$scrypt$ln=15,r=8,p=1$$", "$scrypt$ln=40,r=8,p=1$AAAA$AAAA", "$md5$x$y$z",
                            "$scrypt$ln=12,r=8,p=1$!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
        EXPECT_FALSE(crypto::verifyPassword("x", bad)) << bad;
}

TEST(Norway, OrganisationNumberCheckDigit) {
    // Published organisation numbers: Brønnøysundregistrene and Skatteetaten.
    EXPECT_TRUE(norway::isValidOrgnr("974760673"));
    EXPECT_TRUE(norway::isValidOrgnr("974761076"));
    EXPECT_FALSE(norway::isValidOrgnr("974760674"));
    EXPECT_FALSE(norway::isValidOrgnr("97476067"));
    EXPECT_FALSE(norway::isValidOrgnr("97476067a"));
    EXPECT_TRUE(norway::isValidKommunenummer("0301"));
    EXPECT_FALSE(norway::isValidKommunenummer("301"));
}
