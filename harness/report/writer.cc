#include "harness/report/writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "harness/report/html.h"
#include "harness/report/json_report.h"
#include "harness/report/junit.h"
#include "harness/report/markdown.h"
#include "harness/report/report_util.h"
#include "harness/results/redaction.h"

namespace ecrc::report {
namespace {

Status WriteFileAtomically(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error("cannot write " + tmp.string() + ": " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      int saved = errno;
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return Status::Error("cannot write " + tmp.string() + ": " + std::strerror(saved));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return Status::Error("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

const char* ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson: return "json";
    case ReportFormat::kJunit: return "junit";
    case ReportFormat::kMarkdown: return "md";
    case ReportFormat::kHtml: return "html";
  }
  return "?";
}

const char* ReportFileName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson: return "report.json";
    case ReportFormat::kJunit: return "report.junit.xml";
    case ReportFormat::kMarkdown: return "report.md";
    case ReportFormat::kHtml: return "report.html";
  }
  return "report.unknown";
}

std::vector<ReportFormat> AllReportFormats() {
  return {ReportFormat::kJson, ReportFormat::kJunit, ReportFormat::kMarkdown, ReportFormat::kHtml};
}

Result<std::vector<ReportFormat>> ParseReportFormats(std::string_view csv) {
  std::vector<bool> wanted(4, false);
  size_t start = 0;
  bool any = false;
  while (start <= csv.size()) {
    size_t comma = csv.find(',', start);
    std::string_view item = csv.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      any = true;
      if (item == "all") {
        wanted.assign(4, true);
      } else if (item == "json") {
        wanted[0] = true;
      } else if (item == "junit" || item == "xml") {
        wanted[1] = true;
      } else if (item == "md" || item == "markdown") {
        wanted[2] = true;
      } else if (item == "html") {
        wanted[3] = true;
      } else {
        return Status::Error("unknown report format '" + std::string(item) + "'; use a comma-separated list of json, junit, md, html (or all)");
      }
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!any) return Status::Error("no report format given; use a comma-separated list of json, junit, md, html (or all)");
  std::vector<ReportFormat> out;
  auto all = AllReportFormats();
  for (size_t i = 0; i < all.size(); ++i) {
    if (wanted[i]) out.push_back(all[i]);
  }
  return out;
}

namespace {

std::string RenderPrepared(const RunReport& prepared, ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson: return ToJsonStringPrepared(prepared);
    case ReportFormat::kJunit: return RenderJunitPrepared(prepared);
    case ReportFormat::kMarkdown: return RenderMarkdownPrepared(prepared);
    case ReportFormat::kHtml: return RenderHtmlPrepared(prepared);
  }
  return "";
}

}  // namespace

std::string RenderReport(const RunReport& report, ReportFormat format) { return RenderPrepared(PrepareForOutput(report), format); }

Status WriteReports(const RunReport& report, const std::string& dir, const std::vector<ReportFormat>& formats,
                    const WriteOptions& options) {
  std::vector<std::string> secrets = options.secrets;
  if (options.scrub_environment_secrets) {
    auto env = results::EnvironmentSecrets();
    secrets.insert(secrets.end(), env.begin(), env.end());
  }
  // Redact and normalise once, with the literal secrets too, then render every format from it.
  RunReport prepared = PrepareForOutput(report, secrets);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Error("cannot create report directory " + dir + ": " + ec.message());
  if (!std::filesystem::is_directory(dir, ec)) return Status::Error("cannot write reports into " + dir + ": not a directory");
  for (ReportFormat format : formats) {
    Status s = WriteFileAtomically(std::filesystem::path(dir) / ReportFileName(format), RenderPrepared(prepared, format));
    if (!s.ok()) return s;
  }
  // Attachments (property reproductions) sit beside the report under the name the check gives.
  for (const auto& c : report.checks) {
    if (c.attachment.empty() || c.attachment_body.empty()) continue;
    if (c.attachment.find('/') != std::string::npos || c.attachment.rfind("..", 0) == 0) {
      return Status::Error("attachment name '" + c.attachment + "' of " + c.id + " is not a plain file name");
    }
    Status s = WriteFileAtomically(std::filesystem::path(dir) / c.attachment, results::RedactText(c.attachment_body, secrets));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace ecrc::report
