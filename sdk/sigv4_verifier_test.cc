#include "sdk/sigv4_verifier.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "base/sha256.h"
#include "sdk/botocore_vectors.h"

namespace ecrc::sdk {
namespace {

using std::chrono::system_clock;

system_clock::time_point At(int y, unsigned mo, unsigned d, int h, int mi, int s) { return UtcTime(y, mo, d, h, mi, s); }

std::vector<std::string> Rules(const SigV4Verdict& v) {
  std::vector<std::string> rules;
  for (const auto& f : v.failures) rules.push_back(f.rule);
  return rules;
}

std::string Describe(const SigV4Verdict& v) {
  std::string out;
  for (const auto& f : v.failures) out += f.rule + ": " + f.message + "\n";
  return out;
}

// --- Known answers ---

// AWS's SigV4 test suite, "get-vanilla" (signature confirmed with botocore's SigV4Auth).
TEST(SigV4Verifier, AwsTestSuiteGetVanilla) {
  HttpRequest r;
  r.method = "GET";
  r.path = "/";
  r.body = "";
  r.headers.Add("Host", "example.amazonaws.com");
  r.headers.Add("X-Amz-Date", "20150830T123600Z");
  r.headers.Add("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                "SignedHeaders=host;x-amz-date, "
                "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  SigningExpectation e{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service",
                       At(2015, 8, 30, 12, 36, 0)};
  auto v = VerifySigV4(r, e);
  EXPECT_TRUE(v.ok()) << Describe(v);
  EXPECT_EQ(v.canonical_request,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(v.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
}

const char* kKey = "AKIDEXAMPLE";
const char* kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

// DescribeRegistries as botocore signs it at 2024-01-01T12:00:00Z (signatures from SigV4Auth).
HttpRequest DescribeRegistries(bool with_token) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/";
  r.body = "{}";
  r.headers.Add("Host", "api.ecr-public.us-east-1.amazonaws.com");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.headers.Add("X-Amz-Target", "SpencerFrontendService.DescribeRegistries");
  r.headers.Add("User-Agent", "unsigned/1.0");
  r.headers.Add("X-Amz-Date", "20240101T120000Z");
  if (with_token) {
    r.headers.Add("X-Amz-Security-Token", "SESSIONTOKEN");
    r.headers.Add("Authorization",
                  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request, "
                  "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                  "Signature=7e737557f9cf63d9e0886455f7906d2474d635d738b0e6f26a1258dab5bbf230");
  } else {
    r.headers.Add("Authorization",
                  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request, "
                  "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                  "Signature=95b5cfeb969ec7b7e8948e9d9670af714ffadb1f3550b737ebc6b31ce4c5416f");
  }
  r.headers.Add("Content-Length", "2");
  return r;
}

SigningExpectation Expect(system_clock::time_point now = At(2024, 1, 1, 12, 0, 0)) {
  return SigningExpectation{kKey, kSecret, "us-east-1", "ecr-public", now};
}

TEST(SigV4Verifier, BotocoreDescribeRegistriesVerifies) {
  for (bool token : {false, true}) {
    auto v = VerifySigV4(DescribeRegistries(token), Expect());
    EXPECT_TRUE(v.ok()) << Describe(v);
    EXPECT_EQ(v.canonical_request.substr(0, 7), "POST\n/\n");
  }
}

TEST(SigV4Verifier, HeaderNamesMatchCaseInsensitively) {
  HttpRequest r = DescribeRegistries(false);
  for (auto& [name, value] : r.headers.entries) name = AsciiLower(name) == "authorization" ? "AUTHORIZATION" : AsciiLower(name);
  auto v = VerifySigV4(r, Expect());
  EXPECT_TRUE(v.ok()) << Describe(v);
}

std::string AuthorizationOf(const HttpRequest& r) { return *r.headers.Find("Authorization"); }

void SetAuthorization(HttpRequest& r, std::string value) { r.headers.Set("Authorization", std::move(value)); }

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

// Puts the signature the verifier computes into the request, so that a test breaks exactly the
// rule it means to and not the signature as well.
HttpRequest Resigned(HttpRequest r, const SigningExpectation& e) {
  auto v = VerifySigV4(r, e);
  EXPECT_FALSE(v.expected_signature.empty()) << Describe(v);
  std::string auth = AuthorizationOf(r);
  size_t pos = auth.find("Signature=");
  SetAuthorization(r, auth.substr(0, pos) + "Signature=" + v.expected_signature);
  return r;
}

void ExpectOnly(const HttpRequest& r, const SigningExpectation& e, const std::string& rule,
                std::vector<std::string> message_parts) {
  auto v = VerifySigV4(r, e);
  EXPECT_EQ(Rules(v), std::vector<std::string>{rule}) << Describe(v);
  for (const auto& part : message_parts) {
    ASSERT_FALSE(v.failures.empty());
    EXPECT_NE(v.failures[0].message.find(part), std::string::npos) << "'" << part << "' not in: " << v.failures[0].message;
  }
}

TEST(SigV4Rules, AuthorizationPresent) {
  HttpRequest r = DescribeRegistries(false);
  r.headers.Set("Authorization", "x");
  r.headers.entries.erase(std::find_if(r.headers.entries.begin(), r.headers.entries.end(),
                                       [](auto& h) { return h.first == "Authorization"; }));
  ExpectOnly(r, Expect(), kRuleAuthorizationPresent, {"found none"});

  HttpRequest twice = DescribeRegistries(false);
  twice.headers.Add("authorization", AuthorizationOf(twice));
  ExpectOnly(twice, Expect(), kRuleAuthorizationPresent, {"expected one Authorization header, found 2"});
}

TEST(SigV4Rules, AuthorizationWellFormed) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, AuthorizationOf(r) + ", Extra=1");
  ExpectOnly(r, Expect(), kRuleAuthorizationWellFormed, {"Extra=1"});
}

TEST(SigV4Rules, Algorithm) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"));
  ExpectOnly(r, Expect(), kRuleAlgorithm, {"AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"});
}

TEST(SigV4Rules, CredentialScopeNamesTheWrongPart) {
  struct Case {
    const char* from;
    const char* to;
    const char* part;
  };
  for (auto [from, to, part] : {Case{"/20240101/", "/20240102/", "wrong date"}, Case{"/us-east-1/", "/eu-west-1/", "wrong region"},
                                Case{"/ecr-public/", "/ecr/", "wrong service"},
                                Case{"/aws4_request,", "/aws4_requests,", "wrong terminator"}}) {
    SCOPED_TRACE(part);
    HttpRequest r = DescribeRegistries(false);
    SetAuthorization(r, Replace(AuthorizationOf(r), from, to));
    ExpectOnly(Resigned(r, Expect()), Expect(), kRuleCredentialScope,
               {part, std::string(from).substr(1, std::string(from).size() - 2), std::string(to).substr(1, std::string(to).size() - 2)});
  }
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "/us-east-1/ecr-public", "/us-east-1-ecr-public"));
  ExpectOnly(Resigned(r, Expect()), Expect(), kRuleCredentialScope, {"20240101/us-east-1/ecr-public/aws4_request"});
}

TEST(SigV4Rules, AccessKey) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "AKIDEXAMPLE/", "AKIDOTHER/"));
  ExpectOnly(r, Expect(), kRuleAccessKey, {"AKIDEXAMPLE", "AKIDOTHER"});
}

TEST(SigV4Rules, SignedHeadersCanonical) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "content-type;host", "host;Content-Type"));
  ExpectOnly(Resigned(r, Expect()), Expect(), kRuleSignedHeadersCanonical, {"content-type;host;x-amz-date"});
}

TEST(SigV4Rules, SignedHeadersIncludeHostAndDate) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "content-type;host;", "content-type;"));
  ExpectOnly(Resigned(r, Expect()), Expect(), kRuleSignedHeadersIncludeHostAndDate, {"expected host"});
  HttpRequest d = DescribeRegistries(false);
  SetAuthorization(d, Replace(AuthorizationOf(d), "x-amz-date;", ""));
  ExpectOnly(Resigned(d, Expect()), Expect(), kRuleSignedHeadersIncludeHostAndDate, {"expected x-amz-date"});
}

TEST(SigV4Rules, SignedHeadersSent) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "x-amz-target,", "x-amz-target;x-missing,"));
  ExpectOnly(Resigned(r, Expect()), Expect(), kRuleSignedHeadersSent, {"x-missing"});
}

TEST(SigV4Rules, DateFresh) {
  HttpRequest r = DescribeRegistries(false);
  ExpectOnly(r, Expect(At(2024, 1, 1, 12, 15, 1)), kRuleDateFresh, {"15 minutes", "20240101T120000Z", "901 s behind"});
  ExpectOnly(r, Expect(At(2024, 1, 1, 11, 44, 0)), kRuleDateFresh, {"960 s ahead"});
  EXPECT_TRUE(VerifySigV4(r, Expect(At(2024, 1, 1, 12, 15, 0))).ok());
  EXPECT_TRUE(VerifySigV4(r, Expect(At(2024, 1, 1, 11, 45, 0))).ok());

  for (const char* bad : {"2024-01-01T12:00:00Z", "20240101T120000", "20241301T120000Z", "20240230T120000Z",
                          "20240101T250000Z", "20240101t120000Z", ""}) {
    SCOPED_TRACE(bad);
    HttpRequest m = DescribeRegistries(false);
    m.headers.Set("X-Amz-Date", bad);
    ExpectOnly(Resigned(m, Expect()), Expect(), kRuleDateFresh, {"yyyymmddThhmmssZ"});
  }
  HttpRequest none = DescribeRegistries(false);
  SetAuthorization(none, Replace(AuthorizationOf(none), "x-amz-date;", ""));
  none.headers.entries.erase(std::find_if(none.headers.entries.begin(), none.headers.entries.end(),
                                          [](auto& h) { return h.first == "X-Amz-Date"; }));
  auto v = VerifySigV4(none, Expect());
  EXPECT_TRUE(v.Fails(kRuleDateFresh)) << Describe(v);
  EXPECT_TRUE(v.Fails(kRuleSignedHeadersIncludeHostAndDate)) << Describe(v);
}

TEST(SigV4Rules, SecurityTokenSigned) {
  HttpRequest r = DescribeRegistries(false);
  r.headers.Add("X-Amz-Security-Token", "SESSIONTOKEN");
  ExpectOnly(r, Expect(), kRuleSecurityTokenSigned, {"x-amz-security-token"});
}

TEST(SigV4Rules, ContentSha256) {
  HttpRequest good = DescribeRegistries(false);
  good.headers.Add("x-amz-content-sha256", Sha256Hex("{}"));
  auto v = VerifySigV4(Resigned(good, Expect()), Expect());
  EXPECT_TRUE(v.ok()) << Describe(v);
  // The header's value, not the body's hash, is what the canonical request carries.
  EXPECT_NE(v.canonical_request.find("\n" + Sha256Hex("{}")), std::string::npos);

  HttpRequest unsigned_payload = DescribeRegistries(false);
  unsigned_payload.headers.Add("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
  ExpectOnly(Resigned(unsigned_payload, Expect()), Expect(), kRuleContentSha256Matches,
             {Sha256Hex("{}"), "UNSIGNED-PAYLOAD"});
}

TEST(SigV4Rules, SignatureMatchesShowsWhatWasComputed) {
  HttpRequest r = DescribeRegistries(false);
  SetAuthorization(r, Replace(AuthorizationOf(r), "Signature=95b5", "Signature=95b6"));
  ExpectOnly(r, Expect(), kRuleSignatureMatches,
             {"95b5cfeb969ec7b7e8948e9d9670af714ffadb1f3550b737ebc6b31ce4c5416f", "--- canonical request ---\nPOST\n/\n\n",
              "x-amz-target:SpencerFrontendService.DescribeRegistries\n", "--- string to sign ---\nAWS4-HMAC-SHA256\n"});
  HttpRequest upper = DescribeRegistries(false);
  SetAuthorization(upper, Replace(AuthorizationOf(upper), "Signature=95b5cfeb", "Signature=95B5CFEB"));
  ExpectOnly(upper, Expect(), kRuleSignatureMatches, {"64 lowercase hex digits"});
  HttpRequest wrong_secret = DescribeRegistries(false);
  SigningExpectation e = Expect();
  e.secret_access_key = "another";
  ExpectOnly(wrong_secret, e, kRuleSignatureMatches, {"expected the signature"});
}

TEST(SigV4Rules, MalformedAuthorizationNeverCrashes) {
  std::vector<std::string> values = {
      "AWS4-HMAC-SHA256",
      "AWS4-HMAC-SHA256 ",
      "AWS4-HMAC-SHA256 Credential=",
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE",
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request",
      "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f, SignedHeaders=, Signature=",
      "AWS4-HMAC-SHA256 Credential=///// , SignedHeaders=;;;, Signature=zz",
      "AWS4-HMAC-SHA256 SignedHeaders=host, SignedHeaders=host, Credential=x, Signature=y, Signature=z",
      "AWS4-HMAC-SHA256 ,,,,,,",
      "AWS4-HMAC-SHA256 ====",
      "Basic dXNlcjpwYXNz",
      "   ",
      std::string("\0\xff\x01 \x80=\x80", 7),
      "AWS4-HMAC-SHA256 Credential=" + std::string(1 << 20, 'A') + ", SignedHeaders=host;x-amz-date, Signature=" +
          std::string(1 << 20, 'f'),
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request, SignedHeaders=" +
          std::string(100000, ';') + ", Signature=00",
  };
  for (const auto& value : values) {
    SCOPED_TRACE(value.substr(0, 80));
    HttpRequest r = DescribeRegistries(false);
    SetAuthorization(r, value);
    SigV4Verdict v;
    EXPECT_NO_THROW(v = VerifySigV4(r, Expect()));
    EXPECT_FALSE(v.ok());
    for (const auto& f : v.failures) {
      EXPECT_FALSE(f.rule.empty());
      // Huge values are quoted shortened, never echoed whole (the computed canonical request aside).
      if (f.rule != kRuleSignatureMatches) {
        EXPECT_LT(f.message.size(), 2000u) << f.rule;
      }
    }
  }
}

TEST(SigV4Verifier, RepeatedHeaderLinesJoinWithCommasAndSpacesCollapse) {
  HttpRequest r = DescribeRegistries(false);
  r.headers.Add("X-Custom", "  runs   of \t spaces  ");
  r.headers.Add("x-custom", "second");
  SetAuthorization(r, Replace(AuthorizationOf(r), "x-amz-target,", "x-amz-target;x-custom,"));
  auto v = VerifySigV4(r, Expect());
  EXPECT_NE(v.canonical_request.find("\nx-custom:runs of spaces,second\n"), std::string::npos) << v.canonical_request;
}

TEST(SigV4Verifier, CanonicalUriAsBotocoreComputesIt) {
  EXPECT_EQ(CanonicalUri(""), "/");
  EXPECT_EQ(CanonicalUri("/"), "/");
  EXPECT_EQ(CanonicalUri("/base/path"), "/base/path");
  EXPECT_EQ(CanonicalUri("/a/./b/../c//d/"), "/a/c/d/");
  EXPECT_EQ(CanonicalUri("/../.."), "/");
  // Already percent-encoded on the wire, so encoded again: '%' becomes %25.
  EXPECT_EQ(CanonicalUri("/with%20space/%E2%9C%93"), "/with%2520space/%25E2%259C%2593");
  EXPECT_EQ(CanonicalUri("/a b/\xe2\x9c\x93~-_."), "/a%20b/%E2%9C%93~-_.");
  EXPECT_EQ(CanonicalUri("/a:b@c+d=e"), "/a%3Ab%40c%2Bd%3De");
}

TEST(SigV4Verifier, CanonicalQueryStringSortsPairsAsSent) {
  EXPECT_EQ(CanonicalQueryString(""), "");
  EXPECT_EQ(CanonicalQueryString("b=2&a=1&a=0&c=%2F&empty="), "a=0&a=1&b=2&c=%2F&empty=");
  EXPECT_EQ(CanonicalQueryString("z&X-Param=v%20w"), "X-Param=v%20w&z=");
}

// --- Agreement with botocore ---

// A byte that differs from `c` and that no canonicalisation folds back into it (not whitespace,
// which trimming could drop; values are case-sensitive).
char Other(char c) { return c == 'A' ? 'B' : 'A'; }

std::vector<size_t> Positions(size_t size) {
  if (size == 0) return {};
  std::vector<size_t> p = {0, size / 2, size - 1};
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  return p;
}

std::vector<std::string> SignedHeaderNames(const HttpRequest& r) {
  std::string auth = *r.headers.Find("Authorization");
  size_t start = auth.find("SignedHeaders=") + 14;
  std::string list = auth.substr(start, auth.find(',', start) - start);
  std::vector<std::string> names;
  std::stringstream ss(list);
  for (std::string n; std::getline(ss, n, ';');) names.push_back(n);
  return names;
}

TEST(SigV4Botocore, HundredSignedRequestsVerifyAndEverySignedByteMatters) {
  std::string skip;
  auto vectors = BotocoreVectors(100, &skip);
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_EQ(vectors.size(), 100u);

  int verified = 0, mutated = 0, rejected = 0;
  std::map<std::string, int> by_part;
  for (size_t i = 0; i < vectors.size(); ++i) {
    const BotocoreVector& vec = vectors[i];
    SCOPED_TRACE("vector " + std::to_string(i) + " (" + vec.kind + ")");
    auto v = VerifySigV4(vec.request, vec.expected);
    EXPECT_TRUE(v.ok()) << Describe(v);
    if (v.ok()) ++verified;

    // Each mutation changes one byte of a signed part; `rules` are the ones it may break, at
    // least one of which must fail.
    auto check = [&](const std::string& part, const HttpRequest& changed, std::vector<std::string> rules) {
      ++mutated;
      auto m = VerifySigV4(changed, vec.expected);
      bool caught = std::any_of(rules.begin(), rules.end(), [&](const std::string& r) { return m.Fails(r); });
      EXPECT_TRUE(caught) << part << " changed but none of the expected rules failed:\n" << Describe(m);
      if (caught) ++rejected, ++by_part[part];
    };
    for (size_t p : Positions(vec.request.body.size())) {
      HttpRequest c = vec.request;
      c.body[p] = Other(c.body[p]);
      check("body", c, {kRuleSignatureMatches});
    }
    for (size_t p : Positions(vec.request.method.size())) {
      HttpRequest c = vec.request;
      c.method[p] = Other(c.method[p]);
      check("method", c, {kRuleSignatureMatches});
    }
    for (size_t p : Positions(vec.request.path.size())) {
      HttpRequest c = vec.request;
      c.path[p] = Other(c.path[p]);
      check("path", c, {kRuleSignatureMatches});
    }
    for (const std::string& name : SignedHeaderNames(vec.request)) {
      for (size_t h = 0; h < vec.request.headers.entries.size(); ++h) {
        if (!EqualsIgnoreCase(vec.request.headers.entries[h].first, name)) continue;
        for (size_t p : Positions(vec.request.headers.entries[h].second.size())) {
          HttpRequest c = vec.request;
          std::string& value = c.headers.entries[h].second;
          value[p] = Other(value[p]);
          if (name == "x-amz-date")
            check("x-amz-date", c, {kRuleSignatureMatches, kRuleDateFresh, kRuleCredentialScope});
          else
            check("header " + name, c, {kRuleSignatureMatches});
        }
      }
    }
    // The Authorization header: its signature, then any byte of the whole value.
    size_t a = 0;
    while (!EqualsIgnoreCase(vec.request.headers.entries[a].first, "Authorization")) ++a;
    const std::string& auth = vec.request.headers.entries[a].second;
    size_t sig = auth.find("Signature=") + 10;
    for (size_t p : Positions(auth.size() - sig)) {
      HttpRequest c = vec.request;
      c.headers.entries[a].second[sig + p] = Other(auth[sig + p]);
      check("signature", c, {kRuleSignatureMatches});
    }
    for (size_t p : Positions(auth.size())) {
      HttpRequest c = vec.request;
      c.headers.entries[a].second[p] = Other(auth[p]);
      check("authorization", c,
            {kRuleAlgorithm, kRuleAuthorizationWellFormed, kRuleAccessKey, kRuleCredentialScope, kRuleSignedHeadersCanonical,
             kRuleSignedHeadersSent, kRuleSignatureMatches});
    }
  }
  EXPECT_EQ(verified, 100);
  EXPECT_EQ(rejected, mutated);
  std::string parts;
  for (const auto& [part, n] : by_part) parts += " " + part + "=" + std::to_string(n);
  std::printf("[ sigv4 ] botocore requests verified: %d/%zu; single-byte mutations rejected: %d/%d;%s\n", verified,
              vectors.size(), rejected, mutated, parts.c_str());
  RecordProperty("verified", verified);
  RecordProperty("mutations", mutated);
  RecordProperty("rejected", rejected);
}

}  // namespace
}  // namespace ecrc::sdk
