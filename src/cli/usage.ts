/** `ohos-http --help`. */
export const USAGE = `Usage: ohos-http [options] <url>
       ohos-http              (no URL: a tour against an embedded local server)

  -X, --request <method>      request method (default GET; POST with -d; HEAD with -I)
  -H, --header "Name: value"  request header (repeatable; "Name;" sends it empty)
  -d, --data <text|@file>     body; @file without CR and LF, @- from stdin; several join with &
      --data-binary <@file>   body; @file byte for byte
      --data-raw <text>       body, taken literally (no @)
  -A, --user-agent <text>     User-Agent header
  -e, --referer <url>         Referer header
  -u, --user <user:password>  HTTP Basic authentication
  -b, --cookie <a=b|file>     send cookies: literal text, or a Netscape cookie file
  -c, --cookie-jar <file>     write every cookie to this Netscape cookie file afterwards
  -o, --output <file>         write the body to a file (progress bar on a terminal)
  -i, --include               write each response's status line and headers first
  -I, --head                  HEAD request; write the status line and headers
  -L, --location              follow redirects
      --max-redirs <n>        redirect limit with -L (default 30)
  -w, --write-out <format>    after the transfer: %{http_code} %{size_download} %{url_effective}
                              %{time_total} %{content_type} %{num_redirects}
  -s, --silent                no progress bar, no error message
  -S, --show-error            with -s: still print the error message
      --json                  print the whole HttpResponse as JSON (the device's view)
      --http1.1 | --http2     protocol (default: HTTP/2 over TLS when offered)
  -x, --proxy <[scheme://]host[:port]>  proxy: http:// (default), https://, socks5://, socks5h://
      --cacert <file>         also trust this CA (PEM)
  -k, --insecure              skip server certificate verification
  -m, --max-time <s>          total transfer timeout (readTimeout)
      --connect-timeout <s>   connection timeout
      --compressed            accepted; responses are always decoded
  -h, --help | -V, --version

Exit status: 0 for any HTTP response; on failure curl's number (code - 2300000); 2 for a bad command line.`;
