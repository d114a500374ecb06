// Typed wrappers over libcurl's variadic calls, which Swift cannot call.
#ifndef AVRO_CCURL_SHIM_H
#define AVRO_CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*avro_curl_data_callback)(char *data, size_t size, size_t count, void *context);

CURLcode avro_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode avro_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode avro_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode avro_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode avro_curl_setopt_write_callback(CURL *handle, avro_curl_data_callback callback);
CURLcode avro_curl_setopt_header_callback(CURL *handle, avro_curl_data_callback callback);
CURLcode avro_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLSHcode avro_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value);

#endif
