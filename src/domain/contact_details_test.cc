#include "domain/contact_details.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

TEST(ContactDetails, PhoneNumbersAreAcceptedAsPeopleTypeThem) {
  for (const char* typed : {"22 33 44 55", "22334455", "+47 22334455", "+4722334455", "+47 22 33 44 55",
                            "0047 223 34 455", "004722334455", "  22334455  ", "2 2 3 3 4 4 5 5"}) {
    EXPECT_EQ(normalize_phone(typed), "22 33 44 55") << typed;
  }
  EXPECT_EQ(normalize_phone("412 34 567"), "41 23 45 67");
  EXPECT_EQ(normalize_phone("99999999"), "99 99 99 99");
  EXPECT_EQ(normalize_phone("112"), "112");
  EXPECT_EQ(normalize_phone("113"), "113");
  EXPECT_EQ(normalize_phone(" 110 "), "110");
  EXPECT_EQ(normalize_phone("116 111"), "116 111");
  EXPECT_EQ(normalize_phone("116111"), "116 111");
  EXPECT_EQ(normalize_phone("116 123"), "116 123");
}

TEST(ContactDetails, PhoneNumbersThatAreNotNorwegianOrNotNumbersAreRefused) {
  for (const char* typed :
       {"", "   ", "tlf", "2233445a", "22-33-44-55", "22.33.44.55", "(22) 33 44 55", "2233445", "223344556",
        "+46 22334455", "+4622334455", "0046 22334455", "02233445", "12345678", "+47 02233445", "+47 112",
        "0047 112", "+47 116111", "+ 47 22334455", "++4722334455", "22+334455", "1234", "11611", "117111", "212",
        "+47"}) {
    EXPECT_EQ(normalize_phone(typed), std::nullopt) << typed;
  }
  EXPECT_EQ(normalize_phone(std::string(22, ' ') + "22334455"), "22 33 44 55") << "30 characters";
  EXPECT_EQ(normalize_phone(std::string(23, ' ') + "22334455"), std::nullopt) << "31 characters";
}

TEST(ContactDetails, PhoneLinksDialFromAnywhere) {
  EXPECT_EQ(phone_link("22 33 44 55"), "+4722334455");
  EXPECT_EQ(phone_link("112"), "112");
  EXPECT_EQ(phone_link("116 111"), "116111");
  EXPECT_EQ(phone_link(*normalize_phone("0047 412 34 567")), "+4741234567");
}

TEST(ContactDetails, OpeningHoursInTheUsualForms) {
  EXPECT_EQ(parse_opening_hours("man–fre 08.00–15.30"), (OpeningHours{{{0, 4, 480, 930}}}));
  EXPECT_EQ(parse_opening_hours("man-tor 8-16, fre 8-14"), (OpeningHours{{{0, 3, 480, 960}, {4, 4, 480, 840}}}));
  EXPECT_EQ(parse_opening_hours("man–fre 08:00–15:30; lør 10–14"),
            (OpeningHours{{{0, 4, 480, 930}, {5, 5, 600, 840}}}));
  EXPECT_EQ(parse_opening_hours("mandag-fredag 9.15-15\nlørdag 10-14\n"),
            (OpeningHours{{{0, 4, 555, 900}, {5, 5, 600, 840}}}));
  EXPECT_EQ(parse_opening_hours("man - fre 8 - 16 ,lør 10-14;"), (OpeningHours{{{0, 4, 480, 960}, {5, 5, 600, 840}}}));
  EXPECT_EQ(parse_opening_hours("tirsdag 7:05-9:00\r\ntor 9-11"), (OpeningHours{{{1, 1, 425, 540}, {3, 3, 540, 660}}}));
  EXPECT_EQ(parse_opening_hours("ons—søndag 12—13"), (OpeningHours{{{2, 6, 720, 780}}})) << "em dash";
  EXPECT_EQ(parse_opening_hours("søn 8-16"), (OpeningHours{{{6, 6, 480, 960}}}));
}

TEST(ContactDetails, OpeningHoursInNynorsk) {
  EXPECT_EQ(parse_opening_hours("måndag–fredag 8–16, laurdag 10–14, sundag 12-15"),
            (OpeningHours{{{0, 4, 480, 960}, {5, 5, 600, 840}, {6, 6, 720, 900}}}));
  EXPECT_EQ(parse_opening_hours("mån-tys 8-16; ons 8-12; lau-sun 10-12"),
            (OpeningHours{{{0, 1, 480, 960}, {2, 2, 480, 720}, {5, 6, 600, 720}}}));
  EXPECT_EQ(parse_opening_hours("tysdag 8-9"), (OpeningHours{{{1, 1, 480, 540}}}));
}

TEST(ContactDetails, OpeningHoursIgnoreCaseAlsoForNorwegianLetters) {
  EXPECT_EQ(parse_opening_hours("MAN–FRE 08.00–15.30, LØR 10–14, SØNDAG 12-13"),
            (OpeningHours{{{0, 4, 480, 930}, {5, 5, 600, 840}, {6, 6, 720, 780}}}));
  EXPECT_EQ(parse_opening_hours("Måndag-Fredag 8-16"), (OpeningHours{{{0, 4, 480, 960}}}));
  EXPECT_EQ(parse_opening_hours("MÅN-FRE 8-16, Lørdag 10-14"), (OpeningHours{{{0, 4, 480, 960}, {5, 5, 600, 840}}}));
}

TEST(ContactDetails, OpeningHoursRunUpToMidnight) {
  EXPECT_EQ(parse_opening_hours("lør-søn 00-24"), (OpeningHours{{{5, 6, 0, 1440}}}));
  EXPECT_EQ(parse_opening_hours("man 12-24:00"), (OpeningHours{{{0, 0, 720, 1440}}}));
  EXPECT_EQ(parse_opening_hours("man 0.00-23.59"), (OpeningHours{{{0, 0, 0, 1439}}}));
  EXPECT_EQ(parse_opening_hours("man 12-24.01"), std::nullopt);
  EXPECT_EQ(parse_opening_hours("man 12-24.30"), std::nullopt);
}

TEST(ContactDetails, BlankOpeningHoursMeanNotGiven) {
  EXPECT_EQ(parse_opening_hours(""), OpeningHours{});
  EXPECT_EQ(parse_opening_hours("  \n\t "), OpeningHours{});
  EXPECT_EQ(format_opening_hours(OpeningHours{}), "");
}

TEST(ContactDetails, NonsenseOpeningHoursAreRefused) {
  for (const char* typed :
       {"hele tiden", "man–fre", "08–16", "fre-man 8-16", "man 25.00-26", "man 8.60-16", "man 16-8", "man 8-8",
        "man 8.30-8.30", "man-fre 8-16, fre 9-14", "man 8-12, man 13-16", "man-søn 8-16, lør 10-12", "man 800-1600",
        "man 8.0-16", "man 8.000-16", "man 8,30-16", "man 8-16 kl", "man 8-16-18", "man 8 16", "man -8-16",
        "man- 8-16", "mon-fri 8-16", "ma-fr 8-16", "man-fre 8-", "man-fre -16", "mandagen 8-16",
        "man–fre 08.00–15.30 x", "man 8–16 tir 8-16", "man 08h-16h", "man 8-16.", "man 8:-16", "man\xC3 8-16"}) {
    EXPECT_EQ(parse_opening_hours(typed), std::nullopt) << typed;
  }
}

TEST(ContactDetails, OpeningHoursHaveALengthLimit) {
  EXPECT_TRUE(parse_opening_hours("man 8-16" + std::string(492, ' ')).has_value()) << "500 bytes";
  EXPECT_EQ(parse_opening_hours("man 8-16" + std::string(493, ' ')), std::nullopt) << "501 bytes";
}

TEST(ContactDetails, OpeningHoursAreFormattedCanonically) {
  EXPECT_EQ(format_opening_hours(*parse_opening_hours("man-fre 8-15:30; lørdag 10-14")),
            "man–fre 08.00–15.30, lør 10.00–14.00");
  EXPECT_EQ(format_opening_hours(*parse_opening_hours("måndag-måndag 7-9, TYSDAG-sundag 0-24")),
            "man 07.00–09.00, tir–søn 00.00–24.00");
}

TEST(ContactDetails, FormattedOpeningHoursParseBackToTheSameValue) {
  for (const char* typed :
       {"man–fre 08.00–15.30", "man-tor 8-16, fre 8-14", "man–fre 08:00–15:30; lør 10–14", "lør-søn 00-24",
        "søn 23.59-24", "tir 9-10, man 8-9, ons-tor 12-13.45", "laurdag 10-14", ""}) {
    const auto parsed = parse_opening_hours(typed);
    ASSERT_TRUE(parsed.has_value()) << typed;
    const std::string formatted = format_opening_hours(*parsed);
    EXPECT_EQ(parse_opening_hours(formatted), parsed) << typed << " -> " << formatted;
    EXPECT_EQ(format_opening_hours(*parse_opening_hours(formatted)), formatted);
  }
}

TEST(ContactDetails, OpenFromTheOpeningMinuteUntilBeforeTheClosingMinute) {
  const auto hours = *parse_opening_hours("man–fre 08.00–15.30, lør 10–14, søn 20-24");
  EXPECT_FALSE(is_open_at(hours, 0, 479));
  EXPECT_TRUE(is_open_at(hours, 0, 480));
  EXPECT_TRUE(is_open_at(hours, 4, 929));
  EXPECT_FALSE(is_open_at(hours, 4, 930));
  EXPECT_TRUE(is_open_at(hours, 2, 720));
  EXPECT_FALSE(is_open_at(hours, 5, 599));
  EXPECT_TRUE(is_open_at(hours, 5, 600));
  EXPECT_FALSE(is_open_at(hours, 5, 840));
  EXPECT_TRUE(is_open_at(hours, 6, 1439));
  EXPECT_FALSE(is_open_at(hours, 6, 0)) << "Sunday evening does not reach Monday";
  EXPECT_FALSE(is_open_at(hours, 0, 0));
  EXPECT_FALSE(is_open_at(hours, 7, 600));
  EXPECT_FALSE(is_open_at(hours, -1, 600));
  EXPECT_FALSE(is_open_at(hours, 0, 1440));
  EXPECT_FALSE(is_open_at(OpeningHours{}, 0, 600));
}

TEST(ContactDetails, PublicWebLinks) {
  for (const char* url : {"https://www.nav.no", "https://kommune.no/", "https://www.oslo.kommune.no/skjema/kontakt",
                          "https://skjema.example.no:8443/kontakt?enhet=3&sprak=nn#toppen", "https://a-b.no/x_y~z%20",
                          "https://a.no:443", "https://x1.y2.no?q=1", "https://a.no#f"}) {
    EXPECT_TRUE(is_public_web_link(url)) << url;
  }
  EXPECT_TRUE(is_public_web_link("https://a.no/" + std::string(487, 'x'))) << "500 characters";
  EXPECT_FALSE(is_public_web_link("https://a.no/" + std::string(488, 'x'))) << "501 characters";
}

TEST(ContactDetails, EverythingElseIsNotAPublicWebLink) {
  for (const char* url :
       {"", "http://www.nav.no", "javascript:alert(1)", "data:text/html,<b>x</b>", "/skjema", "skjema.html",
        "www.nav.no", "//www.nav.no", "ftp://nav.no", "https://", "https:www.nav.no", " https://www.nav.no",
        "https://www.nav.no/a b", "https://www.nav.no/\"onmouseover=x", "https://www.nav.no/'x'",
        "https://www.nav.no/<script>", "https://www.nav.no/a\\b", "https://www.nav.no/`x`", "https://localhost",
        "https://localhost:8080/x", "https://-a.no", "https://a-.no", "https://a.no-", "https://.a.no", "https://a.no.",
        "https://a..no", "https://a_b.no", "https://user@a.no", "https://a.no@evil.no", "https://a.no:",
        "https://a.no:0", "https://a.no:65536", "https://a.no:123456", "https://a.no:80x", "https://10.0.0.1/",
        "https://a.no/\x01", "https://a.no/\x7f", "https://a.no/\tx", "https://a.no/\nx", "https://bø.no",
        "https://a.no/ø"}) {
    EXPECT_FALSE(is_public_web_link(url)) << url;
  }
}

}  // namespace
}  // namespace stafett::domain
