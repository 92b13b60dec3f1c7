// The AWS SDK for Go v2 driver of the SDK conformance judge: makes each case's call with
// aws-sdk-go-v2's ecrpublic client and reports what it decoded, as sdk/README.md "Driver
// protocol" says.
//
// Conversions walk the SDK's input and output structs by reflection, never per operation. Field
// names map to wire names through the table wire_names.awk generates from the SDK's own
// serializers and deserializers at build time (Tag's members are "Key" and "Value" on the wire,
// not "key"); a field the table lacks falls back to its name with a lower-case first letter.
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ecrpublic"
	"github.com/aws/smithy-go"
)

// "<Go type name>.<Field>" -> wire name; filled by the generated wire_names.go.
var wireNames = map[string]string{}

// The ecrpublic module's version; its goModuleVersion is unexported, so run passes it to the linker.
var ecrpublicVersion = "unknown"

// Go cannot look a package-level function up by name, so the SDK's paginator constructors are
// listed; everything else about a paginator case is reflection like the plain calls.
var paginators = map[string]interface{}{
	"DescribeImageTags":    ecrpublic.NewDescribeImageTagsPaginator,
	"DescribeImages":       ecrpublic.NewDescribeImagesPaginator,
	"DescribeRegistries":   ecrpublic.NewDescribeRegistriesPaginator,
	"DescribeRepositories": ecrpublic.NewDescribeRepositoriesPaginator,
}

// unsupported: the SDK lacks the operation or an input member (model drift).
type unsupported struct{ what string }

func (u unsupported) Error() string { return u.what }

var (
	timeType    = reflect.TypeOf(time.Time{})
	contextType = reflect.TypeOf((*context.Context)(nil)).Elem()
	errorType   = reflect.TypeOf((*error)(nil)).Elem()
)

// sdkName: the service client's module version first (it decides the model), then the core's.
func sdkName() string {
	return fmt.Sprintf("aws-sdk-go-v2 %s (core %s)", ecrpublicVersion, aws.SDKVersion)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func wireName(owner reflect.Type, field reflect.StructField) string {
	if name, ok := wireNames[owner.Name()+"."+field.Name]; ok {
		return name
	}
	return lowerFirst(field.Name)
}

// modelFields: the exported fields of a SDK struct that are model members (not ResultMetadata).
func modelFields(t reflect.Type) []reflect.StructField {
	var fields []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.PkgPath != "" || f.Name == "ResultMetadata" {
			continue
		}
		fields = append(fields, f)
	}
	return fields
}

// ---------------------------------------------------------------------------------------------
// Wire form -> the SDK's input structs.

// epochToTime parses epoch seconds through their decimal text, so fractions are kept exactly.
func epochToTime(n json.Number) (time.Time, error) {
	f, ok := new(big.Float).SetPrec(200).SetString(n.String())
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a number", n)
	}
	nanos, _ := new(big.Float).Mul(f, big.NewFloat(1e9)).Int(nil)
	sec, rem := new(big.Int).QuoRem(nanos, big.NewInt(1e9), new(big.Int))
	return time.Unix(sec.Int64(), rem.Int64()).UTC(), nil
}

func toNative(t reflect.Type, v interface{}, path string) (reflect.Value, error) {
	if v == nil {
		return reflect.Zero(t), nil
	}
	switch {
	case t.Kind() == reflect.Ptr:
		elem, err := toNative(t.Elem(), v, path)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(elem)
		return p, nil
	case t == timeType:
		n, ok := v.(json.Number)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: timestamp %v is not epoch seconds", path, v)
		}
		moment, err := epochToTime(n)
		return reflect.ValueOf(moment), err
	case t.Kind() == reflect.Struct:
		object, ok := v.(map[string]interface{})
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: expected an object, got %T", path, v)
		}
		byWire := map[string]reflect.StructField{}
		for _, f := range modelFields(t) {
			byWire[wireName(t, f)] = f
		}
		out := reflect.New(t).Elem()
		for key, item := range object {
			f, ok := byWire[key]
			if !ok {
				return reflect.Value{}, unsupported{fmt.Sprintf("%s has no input member %s.%s", sdkName(), path, key)}
			}
			value, err := toNative(f.Type, item, path+"."+key)
			if err != nil {
				return reflect.Value{}, err
			}
			out.FieldByIndex(f.Index).Set(value)
		}
		return out, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		s, ok := v.(string)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: blob %v is not base64 text", path, v)
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("%s: %v", path, err)
		}
		return reflect.ValueOf(b).Convert(t), nil
	case t.Kind() == reflect.Slice:
		list, ok := v.([]interface{})
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: expected a list, got %T", path, v)
		}
		out := reflect.MakeSlice(t, 0, len(list))
		for i, item := range list {
			value, err := toNative(t.Elem(), item, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return reflect.Value{}, err
			}
			out = reflect.Append(out, value)
		}
		return out, nil
	case t.Kind() == reflect.Map:
		object, ok := v.(map[string]interface{})
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: expected a map, got %T", path, v)
		}
		out := reflect.MakeMapWithSize(t, len(object))
		for key, item := range object {
			value, err := toNative(t.Elem(), item, path+"."+key)
			if err != nil {
				return reflect.Value{}, err
			}
			out.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), value)
		}
		return out, nil
	}
	out := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String: // strings and the SDK's enum types
		s, ok := v.(string)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: expected a string, got %T", path, v)
		}
		out.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: expected a boolean, got %T", path, v)
		}
		out.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || out.OverflowInt(i) {
			return reflect.Value{}, fmt.Errorf("%s: %v is not a %s", path, v, t.Kind())
		}
		out.SetInt(i)
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil {
			return reflect.Value{}, fmt.Errorf("%s: %v is not a number", path, v)
		}
		out.SetFloat(f)
	default:
		return reflect.Value{}, fmt.Errorf("%s: the driver cannot build a %s", path, t)
	}
	return out, nil
}

// ---------------------------------------------------------------------------------------------
// The SDK's output structs -> wire form.

// epochSeconds: through the decimal text, so 1700000000.123 is not 1700000000.1229999.
func epochSeconds(moment time.Time) interface{} {
	if moment.Nanosecond() == 0 {
		return moment.Unix()
	}
	text := strings.TrimRight(fmt.Sprintf("%d.%09d", moment.Unix(), moment.Nanosecond()), "0")
	f, _ := strconv.ParseFloat(text, 64)
	return f
}

// toWire converts a decoded value; ok is false for an absent member (nil pointer, slice or map).
func toWire(v reflect.Value) (interface{}, bool) {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return nil, false
		}
		return toWire(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return nil, false
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes()), true
		}
		list := make([]interface{}, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			item, ok := toWire(v.Index(i))
			if !ok {
				item = nil
			}
			list = append(list, item)
		}
		return list, true
	case reflect.Map:
		if v.IsNil() {
			return nil, false
		}
		object := map[string]interface{}{}
		iter := v.MapRange()
		for iter.Next() {
			item, ok := toWire(iter.Value())
			if !ok {
				item = nil
			}
			object[fmt.Sprint(iter.Key().Interface())] = item
		}
		return object, true
	case reflect.Struct:
		if v.Type() == timeType {
			return epochSeconds(v.Interface().(time.Time)), true
		}
		object := map[string]interface{}{}
		for _, f := range modelFields(v.Type()) {
			// A non-pointer scalar (RegistryAlias's primaryRegistryAlias and defaultRegistryAlias,
			// both required members) is always reported: Go cannot tell an absent member from its
			// zero value, and what a Go program sees is the zero value.
			if item, ok := toWire(v.FieldByIndex(f.Index)); ok {
				object[wireName(v.Type(), f)] = item
			}
		}
		return object, true
	case reflect.String:
		// An enum (a named string type) holds "" when the member was absent or null: the SDK's own
		// serializers treat "" as absent too, and no enum of the model has "" as a value.
		if v.Type().PkgPath() != "" && v.Len() == 0 {
			return nil, false
		}
		return v.String(), true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	}
	return fmt.Sprintf("<%s>", v.Type()), true
}

func output(v reflect.Value) interface{} {
	out, ok := toWire(v)
	if !ok {
		return map[string]interface{}{}
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// The driver.

type testCase struct {
	ID          string                 `json:"id"`
	Operation   string                 `json:"operation"`
	Paginator   *string                `json:"paginator"`
	Input       map[string]interface{} `json:"input"`
	MaxAttempts int                    `json:"max_attempts"`
}

type driver struct {
	endpoint string
	region   string
	creds    aws.CredentialsProvider
	single   *ecrpublic.Client // the one-attempt client, reused
	plain    *http.Client      // for case announcements: no SDK, no proxy
}

// client makes maxAttempts attempts in standard retry mode. One with retries is never reused:
// the retry quota is per client, so an earlier case's failures could cut a later case's retries.
func (d *driver) client(maxAttempts int) *ecrpublic.Client {
	if maxAttempts == 1 && d.single != nil {
		return d.single
	}
	c := ecrpublic.New(ecrpublic.Options{
		Region:           d.region,
		Credentials:      d.creds,
		EndpointResolver: ecrpublic.EndpointResolverFromURL(d.endpoint),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = maxAttempts
		}),
	})
	if maxAttempts == 1 {
		d.single = c
	}
	return c
}

func (d *driver) announce(id string) error {
	body, _ := json.Marshal(map[string]string{"case": id})
	resp, err := d.plain.Post(strings.TrimRight(d.endpoint, "/")+"/__ecr-conform/case", "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("case announcement for %s failed: %v", id, err)
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("case announcement for %s failed: HTTP %d %s", id, resp.StatusCode, text)
	}
	return nil
}

// call runs one case with the SDK and returns the line's content (without "case").
func (d *driver) call(c testCase) map[string]interface{} {
	op := c.Operation
	if c.Paginator != nil {
		op = *c.Paginator
	}
	attempts := c.MaxAttempts
	if attempts < 1 {
		attempts = 1
	}
	client := reflect.ValueOf(d.client(attempts))
	method := client.MethodByName(op)
	if !method.IsValid() || method.Type().NumIn() < 2 || method.Type().In(0) != contextType ||
		method.Type().NumOut() != 2 || method.Type().Out(1) != errorType {
		return map[string]interface{}{"unsupported": fmt.Sprintf("%s has no operation %s", sdkName(), op)}
	}
	if c.Input == nil {
		c.Input = map[string]interface{}{}
	}
	input, err := toNative(method.Type().In(1), c.Input, op)
	if err != nil {
		return failure(err)
	}
	ctx := reflect.ValueOf(context.Background())
	if c.Paginator != nil {
		constructor, ok := paginators[op]
		if !ok {
			return map[string]interface{}{"unsupported": fmt.Sprintf("%s has no paginator for %s", sdkName(), op)}
		}
		paginator := reflect.ValueOf(constructor).Call([]reflect.Value{client, input})[0]
		pages := []interface{}{}
		for paginator.MethodByName("HasMorePages").Call(nil)[0].Bool() {
			result := paginator.MethodByName("NextPage").Call([]reflect.Value{ctx})
			if err, _ := result[1].Interface().(error); err != nil {
				return failure(err)
			}
			pages = append(pages, output(result[0]))
		}
		return map[string]interface{}{"output": pages}
	}
	result := method.Call([]reflect.Value{ctx, input})
	if err, _ := result[1].Interface().(error); err != nil {
		return failure(err)
	}
	return map[string]interface{}{"output": output(result[0])}
}

func failure(err error) map[string]interface{} {
	var u unsupported
	if errors.As(err, &u) {
		return map[string]interface{}{"unsupported": u.what}
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return map[string]interface{}{"error": map[string]string{"code": apiErr.ErrorCode(), "message": apiErr.ErrorMessage()}}
	}
	return map[string]interface{}{"client_error": err.Error()}
}

func (d *driver) answer(c testCase) (line map[string]interface{}) {
	if err := d.announce(c.ID); err != nil {
		return map[string]interface{}{"case": c.ID, "client_error": err.Error()}
	}
	// Never crash on a case: a panic in the SDK or in reflection is a client error.
	defer func() {
		if r := recover(); r != nil {
			line = map[string]interface{}{"case": c.ID, "client_error": fmt.Sprintf("panic: %v", r)}
		}
	}()
	line = d.call(c)
	line["case"] = c.ID
	return line
}

func run() int {
	for _, arg := range os.Args[1:] {
		if arg == "--sdk-version" {
			fmt.Println(sdkName())
			return 0
		}
	}
	for _, variable := range []string{"ECRC_SDK_ENDPOINT", "ECRC_SDK_CASES", "ECRC_SDK_RESULTS"} {
		if os.Getenv(variable) == "" {
			fmt.Fprintf(os.Stderr, "go-v2 driver: %s is not set (see sdk/README.md, Driver protocol)\n", variable)
			return 2
		}
	}
	text, err := os.ReadFile(os.Getenv("ECRC_SDK_CASES"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-v2 driver:", err)
		return 2
	}
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.UseNumber() // numbers stay their decimal text until a field's type is known
	var cases []testCase
	if err := decoder.Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "go-v2 driver: cases file:", err)
		return 2
	}
	results, err := os.OpenFile(os.Getenv("ECRC_SDK_RESULTS"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-v2 driver:", err)
		return 2
	}
	defer results.Close()
	region := os.Getenv("AWS_REGION")
	if region == "" {
		region = os.Getenv("AWS_DEFAULT_REGION")
	}
	if region == "" {
		region = "us-east-1"
	}
	d := &driver{
		endpoint: os.Getenv("ECRC_SDK_ENDPOINT"),
		region:   region,
		creds: credentials.NewStaticCredentialsProvider(
			os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")),
		plain: &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 30 * time.Second},
	}
	for _, c := range cases {
		line, err := json.Marshal(d.answer(c))
		if err != nil {
			line, _ = json.Marshal(map[string]string{"case": c.ID, "client_error": "result not encodable: " + err.Error()})
		}
		// One write per line on an O_APPEND file: nothing is buffered in the process.
		if _, err := results.Write(append(line, '\n')); err != nil {
			fmt.Fprintln(os.Stderr, "go-v2 driver:", err)
			return 1
		}
	}
	return 0
}

func main() { os.Exit(run()) }
