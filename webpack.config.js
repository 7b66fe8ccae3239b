// Webpack configuration for the Team Diagnostics task pane, in the style of
// Microsoft's Yeoman Office add-in template (Office-Addin-TaskPane-React).
//
//   npm run build        production build into dist/
//   npm run build:dev    development build into dist/
//   npm run dev-server   https://localhost:3000 with Office dev certificates

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = "https://teamdiagnostics.example.org/"; // CHANGE THIS TO YOUR PRODUCTION DEPLOYMENT LOCATION BEFORE DEPLOYING

async function getHttpsOptions() {
  // Required lazily so that a production build does not need dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: dev ? "[name].js" : "[name].[contenthash].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash].js",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is done by `npm run typecheck`.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: {
                // tsconfig.json targets CommonJS for Jest and tsx; webpack needs ES
                // modules so that tree shaking works and dynamic import() (exceljs,
                // docx) becomes separate chunks.
                module: "esnext",
                noEmit: false,
                sourceMap: dev,
              },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: {
            filename: "assets/[name][ext][query]",
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            // The manifest's SupportUrl: a static page, no script.
            from: "src/taskpane/help.html",
            to: "help.html",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) {
                return content;
              }
              return content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    performance: {
      hints: false,
    },
    devServer: {
      hot: true,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };

  if (serving) {
    config.devServer.server = {
      type: "https",
      options: options.https !== undefined ? options.https : await getHttpsOptions(),
    };
  }

  return config;
};
